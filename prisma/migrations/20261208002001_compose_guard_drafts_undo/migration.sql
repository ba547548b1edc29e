-- Undo send: an emailed reply waits this many seconds in the job queue (0 sends at once).
ALTER TABLE "Workspace" ADD COLUMN "undoSendSeconds" INTEGER NOT NULL DEFAULT 10;
ALTER TABLE "Message" ADD COLUMN "scheduledSendAt" TIMESTAMP(3);

-- Drafts: what an agent typed in a ticket's composer, one per agent and ticket.
CREATE TABLE "TicketDraft" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "mode" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "toAddresses" TEXT[],
    "ccAddresses" TEXT[],
    "attachmentIds" TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "TicketDraft_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "TicketDraft_userId_ticketId_key" ON "TicketDraft"("userId", "ticketId");
CREATE INDEX "TicketDraft_ticketId_idx" ON "TicketDraft"("ticketId");
ALTER TABLE "TicketDraft" ADD CONSTRAINT "TicketDraft_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TicketDraft" ADD CONSTRAINT "TicketDraft_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TicketDraft" ADD CONSTRAINT "TicketDraft_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
