-- Snooze: an agent sets a ticket aside until "snoozedUntil" (and "snoozedById" remembers who). The
-- ticket keeps its status; the open and pending tabs leave it out until it wakes, the Snoozed tab
-- lists it. Few tickets are snoozed at a time, so the Snoozed tab walks a partial index of just
-- them in the list's order, and the open and pending tabs keep walking their index, skipping them.

ALTER TABLE "Ticket" ADD COLUMN "snoozedUntil" TIMESTAMP(3), ADD COLUMN "snoozedById" UUID;

ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_snoozedById_fkey" FOREIGN KEY ("snoozedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE INDEX "Ticket_list_snoozed_idx" ON "Ticket"("workspaceId", "isArchived", "lastActivityAt" DESC, "ticketNumber" DESC) WHERE "snoozedUntil" IS NOT NULL;

-- A page shows the snooze: its changes are announced live like the other shown columns.
CREATE OR REPLACE FUNCTION threadline_live_ticket_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM threadline_live_notify(n."workspaceId", n."id", 'ticket', NULL)
  FROM new_rows n JOIN old_rows o ON o."id" = n."id"
  WHERE (n."status", n."priority", n."assigneeId", n."subject", n."kind", n."archivedAt", n."mergedIntoId", n."contactId", n."customerId", n."mailboxId", n."lastActivityAt", n."snoozedUntil")
    IS DISTINCT FROM (o."status", o."priority", o."assigneeId", o."subject", o."kind", o."archivedAt", o."mergedIntoId", o."contactId", o."customerId", o."mailboxId", o."lastActivityAt", o."snoozedUntil");
  RETURN NULL;
END $$;
