import type { Db } from "@/server/db";
import type { JobPayload } from "@/server/jobs/job-types";

/** A ticket or conversation that inbound mail created: the payload of its `inbound.new_ticket` job. */
export type NewTicketEvent = JobPayload<"inbound.new_ticket"> & { workspaceId: string };

/** What runs when inbound mail creates a ticket or conversation (the automation engine plugs in here). */
export type NewTicketHook = (db: Db, event: NewTicketEvent) => Promise<void>;
