-- AlterEnum
ALTER TYPE "AttachmentStatus" ADD VALUE 'pending';

-- AlterTable
ALTER TABLE "IncomingMail" ADD COLUMN     "processingError" TEXT;

-- CreateIndex
CREATE INDEX "Message_workspaceId_inReplyTo_idx" ON "Message"("workspaceId", "inReplyTo");

-- CreateIndex
CREATE INDEX "Message_references_idx" ON "Message" USING GIN ("references");

