-- Saved replies: shared ones ("ownerUserId" null, managed by owners) and each member's own.
CREATE TABLE "SavedReply" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "ownerUserId" UUID,
    "name" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "SavedReply_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "SavedReply_workspaceId_ownerUserId_idx" ON "SavedReply"("workspaceId", "ownerUserId");
ALTER TABLE "SavedReply" ADD CONSTRAINT "SavedReply_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SavedReply" ADD CONSTRAINT "SavedReply_ownerUserId_fkey" FOREIGN KEY ("ownerUserId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
