-- Agent notifications and unread tickets.
--
-- 1. "lastCustomerMessageAt": when the newest inbound message that is not an auto-reply was
--    stored. Kept by the message insert trigger that already updates the ticket's search document,
--    so every path that stores a customer's message (routing, an agent filing a logged mail) sets it
--    without another statement.
-- 2. "TicketRead": when each agent last opened each ticket. The inbox joins it on its primary key
--    (one row per user and ticket): a ticket is unread when a customer wrote after that.
-- 3. "NotificationPreference": a member's in-app and email choice per notification type; no row
--    means both on.
-- 4. "Notification"."dedupeKey": notifications that point at a ticket are written once per event and
--    user, whichever job run writes them.

ALTER TABLE "Ticket" ADD COLUMN "lastCustomerMessageAt" TIMESTAMP(3);

UPDATE "Ticket" t SET "lastCustomerMessageAt" = m."at"
FROM (SELECT "ticketId", max("createdAt") AS "at" FROM "Message" WHERE "direction" = 'inbound' AND NOT "isAutoReply" GROUP BY "ticketId") m
WHERE t."id" = m."ticketId";

CREATE OR REPLACE FUNCTION threadline_ticket_document_on_message_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Ticket" t SET "searchDocument" = threadline_append_vector(t."searchDocument", added.vector),
    "lastCustomerMessageAt" = GREATEST(t."lastCustomerMessageAt", added.customer_at)
  FROM (
    SELECT "ticketId", threadline_vector_agg("searchVector") AS vector,
      max("createdAt") FILTER (WHERE "direction" = 'inbound' AND NOT "isAutoReply") AS customer_at
    FROM new_messages GROUP BY "ticketId"
  ) added
  WHERE t."id" = added."ticketId";
  RETURN NULL;
END $$;

CREATE TABLE "TicketRead" (
    "userId" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TicketRead_pkey" PRIMARY KEY ("userId", "ticketId")
);
CREATE INDEX "TicketRead_ticketId_idx" ON "TicketRead"("ticketId");
ALTER TABLE "TicketRead" ADD CONSTRAINT "TicketRead_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TicketRead" ADD CONSTRAINT "TicketRead_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TicketRead" ADD CONSTRAINT "TicketRead_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "NotificationPreference" (
    "workspaceId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "inApp" BOOLEAN NOT NULL,
    "email" BOOLEAN NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("workspaceId", "userId", "type")
);
CREATE INDEX "NotificationPreference_userId_idx" ON "NotificationPreference"("userId");
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Notification" ADD COLUMN "dedupeKey" TEXT;
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");
-- Opening a ticket clears the opener's notifications about it.
CREATE INDEX "Notification_userId_ticketId_idx" ON "Notification"("userId", "ticketId");
