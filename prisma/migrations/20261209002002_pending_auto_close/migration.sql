-- Pending until auto-close: a ticket set to pending closes itself after this many days without a
-- customer reply ("closureScheduledAt" and a durable job); NULL leaves pending tickets alone.
ALTER TABLE "Workspace" ADD COLUMN "pendingAutoCloseDays" INTEGER;
