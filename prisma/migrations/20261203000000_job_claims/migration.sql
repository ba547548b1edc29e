-- AlterTable
ALTER TABLE "Job" ADD COLUMN "claimToken" UUID;

-- CreateIndex
CREATE INDEX "Job_status_completedAt_idx" ON "Job"("status", "completedAt");
