import { z } from "zod";
import type { WorkspaceAccess } from "@/server/auth/access";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { enqueueJob, type JobHandler } from "@/server/jobs/jobs";
import { jobPayload } from "@/server/jobs/job-types";
import { recordActivity } from "./activity";
import { findTicket, getTicketDto } from "./tickets.service";

export const snoozeTicketSchema = z.object({
  /** When the ticket wakes: an ISO date-time with its offset, in the future. */
  until: z.iso.datetime({ offset: true }),
});
export type SnoozeTicketInput = z.infer<typeof snoozeTicketSchema>;

/**
 * Sets an open or pending ticket aside until `until`: it keeps its status, leaves the open and
 * pending tabs for the Snoozed tab, and wakes then through the job enqueued here. Snoozing again
 * replaces the time; the older job then finds another time on the ticket and does nothing.
 */
export async function snoozeTicket(db: Db, access: WorkspaceAccess, ticketId: string, input: SnoozeTicketInput) {
  const workspaceId = access.workspace.id;
  const until = new Date(snoozeTicketSchema.parse(input).until);
  if (until.getTime() <= Date.now())
    throw new AppError("VALIDATION", "Pick a time in the future to snooze until", { fields: { until: "must be in the future" } });
  return db.$transaction(async (tx) => {
    const ticket = await findTicket(tx, workspaceId, ticketId);
    if (ticket.status !== "open" && ticket.status !== "pending") throw new AppError("CONFLICT", `A ${ticket.status} ticket cannot be snoozed`);
    await tx.ticket.update({ where: { id: ticketId }, data: { snoozedUntil: until, snoozedById: access.user.id } });
    await recordActivity(tx, { workspaceId, ticketId, actorUserId: access.user.id, type: "snoozed", data: { until: until.toISOString() } });
    await enqueueJob(tx, { workspaceId, type: "ticket.wake", payload: { ticketId, until: until.toISOString() }, runAfter: until });
    return getTicketDto(tx, workspaceId, ticketId);
  });
}

/** Wakes a snoozed ticket now (its pending wake-up job becomes a no-op); a ticket not snoozed stays as it is. */
export async function unsnoozeTicket(db: Db, access: WorkspaceAccess, ticketId: string) {
  const workspaceId = access.workspace.id;
  return db.$transaction(async (tx) => {
    const ticket = await findTicket(tx, workspaceId, ticketId);
    const { count } = await tx.ticket.updateMany({ where: { id: ticketId, snoozedUntil: { not: null } }, data: { snoozedUntil: null, snoozedById: null } });
    if (count > 0) {
      await recordActivity(tx, {
        workspaceId,
        ticketId,
        actorUserId: access.user.id,
        type: "unsnoozed",
        data: { until: ticket.snoozedUntil?.toISOString() ?? null, reason: "agent" },
      });
    }
    return getTicketDto(tx, workspaceId, ticketId);
  });
}

/**
 * The "ticket.wake" job: wakes the ticket only while it is still snoozed until exactly the job's
 * time (a re-snooze, an unsnooze or a customer's reply changed or cleared it otherwise), so a job
 * that runs twice or late wakes nothing twice. Tells the assignee and writes the timeline entry.
 */
export const wakeSnoozedTicketJob: JobHandler = async (db, job) => {
  const payload = jobPayload("ticket.wake", job.payload);
  const until = new Date(payload.until);
  await db.$transaction(async (tx) => {
    const woken = await tx.ticket.updateManyAndReturn({
      where: { id: payload.ticketId, workspaceId: job.workspaceId, snoozedUntil: until },
      data: { snoozedUntil: null, snoozedById: null },
      select: { assigneeId: true },
    });
    const ticket = woken[0];
    if (!ticket) return;
    await recordActivity(tx, { workspaceId: job.workspaceId, ticketId: payload.ticketId, type: "unsnoozed", data: { until: payload.until, reason: "time" } });
    if (ticket.assigneeId) {
      await enqueueJob(tx, {
        workspaceId: job.workspaceId,
        type: "ticket.notify",
        payload: {
          type: "snooze_ended",
          ticketId: payload.ticketId,
          userIds: [ticket.assigneeId],
          actorUserId: null,
          messageId: null,
          key: `wake:${payload.ticketId}:${payload.until}`,
        },
      });
    }
  });
};
