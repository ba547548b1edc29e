-- SLA policies with business hours.
--
-- 1. "BusinessSchedule": a workspace's business hours: an IANA time zone, weekly intervals
--    ([{weekday, startMinute, endMinute}]) and holidays (["YYYY-MM-DD"]), both JSON arrays.
-- 2. "SlaPolicy": targets in business minutes for one priority, optionally one mailbox (a policy for
--    the mailbox wins over the priority's general one). One general policy per priority, one per
--    priority and mailbox: the two partial unique indexes say so, since NULLs are distinct.
-- 3. Ticket due times: set while a target is pending and cleared once it is met. "slaDueAt" is the
--    soonest of them, generated, so the inbox's "due soonest" order and "due"/"breached" filters
--    read one indexed column.

CREATE TABLE "BusinessSchedule" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "intervals" JSONB NOT NULL,
    "holidays" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "BusinessSchedule_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "BusinessSchedule_workspaceId_name_key" ON "BusinessSchedule"("workspaceId", "name");
ALTER TABLE "BusinessSchedule" ADD CONSTRAINT "BusinessSchedule_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "SlaPolicy" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "priority" "TicketPriority" NOT NULL,
    "mailboxId" UUID,
    "scheduleId" UUID NOT NULL,
    "firstResponseMinutes" INTEGER,
    "nextResponseMinutes" INTEGER,
    "resolutionMinutes" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "SlaPolicy_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "SlaPolicy_general_key" ON "SlaPolicy"("workspaceId", "priority") WHERE "mailboxId" IS NULL;
CREATE UNIQUE INDEX "SlaPolicy_mailbox_key" ON "SlaPolicy"("workspaceId", "priority", "mailboxId") WHERE "mailboxId" IS NOT NULL;
CREATE INDEX "SlaPolicy_scheduleId_idx" ON "SlaPolicy"("scheduleId");
ALTER TABLE "SlaPolicy" ADD CONSTRAINT "SlaPolicy_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SlaPolicy" ADD CONSTRAINT "SlaPolicy_mailboxId_fkey" FOREIGN KEY ("mailboxId") REFERENCES "Mailbox"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SlaPolicy" ADD CONSTRAINT "SlaPolicy_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "BusinessSchedule"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Ticket" ADD COLUMN "firstResponseDueAt" TIMESTAMP(3),
    ADD COLUMN "nextResponseDueAt" TIMESTAMP(3),
    ADD COLUMN "resolutionDueAt" TIMESTAMP(3),
    ADD COLUMN "slaDueAt" TIMESTAMP(3) GENERATED ALWAYS AS (LEAST("firstResponseDueAt", "nextResponseDueAt", "resolutionDueAt")) STORED;

CREATE INDEX "Ticket_sla_due_idx" ON "Ticket"("workspaceId", "isArchived", "slaDueAt", "ticketNumber") WHERE "slaDueAt" IS NOT NULL;
