import type { JobHandler } from "@/server/jobs/jobs";
import { jobPayload } from "@/server/jobs/job-types";
import { refreshTicketSla } from "./ticket-sla";

/**
 * An "sla.refresh" job for ticket $2 of workspace $1, as a CTE for the ingest statements: inbound
 * mail stores tickets and replies in one statement each, and business-time arithmetic is not SQL, so
 * the due times are computed right after the commit. Only workspaces with SLA policies get the job.
 */
export const SLA_REFRESH_JOB_CTE = `sla_refresh AS (
    INSERT INTO "Job" ("id", "workspaceId", "type", "payload")
    SELECT gen_random_uuid(), $1::uuid, 'sla.refresh', jsonb_build_object('ticketId', $2::uuid)
    WHERE EXISTS (SELECT 1 FROM "SlaPolicy" WHERE "workspaceId" = $1::uuid)
  )`;

/** Recomputes the ticket's due times (see refreshTicketSla); running it again changes nothing. */
export const slaRefreshJob: JobHandler = async (db, job) => {
  const { ticketId } = jobPayload("sla.refresh", job.payload);
  await db.$transaction((tx) => refreshTicketSla(tx, job.workspaceId, ticketId));
};
