import type { Prisma, Ticket, Workspace } from "@/generated/prisma/client";
import type { WorkspaceAccess } from "@/server/auth/access";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { enqueueJob, type JobHandler } from "@/server/jobs/jobs";
import { jobPayload } from "@/server/jobs/job-types";
import { surveyClosedTickets } from "@/server/satisfaction/survey-on-close";
import { refreshTicketSla } from "@/server/sla/ticket-sla";
import { recordActivity } from "./activity";
import { findTicket, getTicketDto } from "./tickets.service";
import type { ChangeStatusInput } from "./tickets.schema";

const DAY_MS = 86_400_000;

/**
 * What closing a ticket does besides setting the status (an agent's or the auto-close job's): the
 * timeline entry and the satisfaction survey the workspace may ask for.
 */
async function recordClosure(
  tx: Prisma.TransactionClient,
  workspace: Pick<Workspace, "id" | "satisfactionSurveys">,
  ticket: Pick<Ticket, "id" | "kind" | "status">,
  closedBy: { actorUserId: string | null; reason: string | null },
) {
  await recordActivity(tx, {
    workspaceId: workspace.id,
    ticketId: ticket.id,
    actorUserId: closedBy.actorUserId,
    type: "status_changed",
    data: { from: ticket.status, to: "closed", reason: closedBy.reason },
  });
  await surveyClosedTickets(tx, workspace, [ticket]);
}

/**
 * Moves a (not merged) ticket to another status inside the caller's transaction, with its timeline
 * entry. Closing ends a snooze. Becoming pending schedules the ticket's closure when the workspace
 * closes pending tickets after N days (a job enqueued for that time); any other status cancels a
 * scheduled closure. The SLA's due times follow the new status.
 */
export async function applyStatusChange(
  tx: Prisma.TransactionClient,
  access: WorkspaceAccess,
  ticket: Pick<Ticket, "id" | "kind" | "status">,
  input: ChangeStatusInput,
) {
  const workspaceId = access.workspace.id;
  const ticketId = ticket.id;
  const days = input.toStatus === "pending" ? access.workspace.pendingAutoCloseDays : null;
  const closureScheduledAt = days ? new Date(Date.now() + days * DAY_MS) : null;
  await tx.ticket.update({
    where: { id: ticketId },
    data: { status: input.toStatus, closureScheduledAt, ...(input.toStatus === "closed" ? { snoozedUntil: null, snoozedById: null } : {}) },
  });
  if (days && closureScheduledAt) {
    const at = closureScheduledAt.toISOString();
    await enqueueJob(tx, { workspaceId, type: "ticket.auto_close", payload: { ticketId, at, days }, runAfter: closureScheduledAt });
  }
  const reason = input.reason ?? null;
  if (input.toStatus === "closed") await recordClosure(tx, access.workspace, ticket, { actorUserId: access.user.id, reason });
  else
    await recordActivity(tx, {
      workspaceId,
      ticketId,
      actorUserId: access.user.id,
      type: "status_changed",
      data: { from: ticket.status, to: input.toStatus, reason },
    });
  await refreshTicketSla(tx, workspaceId, ticketId);
}

/** open ⇄ pending ⇄ closed; a merged ticket is final. */
export async function changeTicketStatus(db: Db, access: WorkspaceAccess, ticketId: string, input: ChangeStatusInput) {
  const workspaceId = access.workspace.id;
  return db.$transaction(async (tx) => {
    const ticket = await findTicket(tx, workspaceId, ticketId);
    if (ticket.status === "merged") throw new AppError("CONFLICT", "A merged ticket cannot change status");
    if (ticket.status === input.toStatus) throw new AppError("CONFLICT", `The ticket is already ${ticket.status}`);
    await applyStatusChange(tx, access, ticket, input);
    return getTicketDto(tx, workspaceId, ticketId);
  });
}

/**
 * The "ticket.auto_close" job: closes the ticket only while it is still pending with its closure
 * scheduled for exactly the job's time (a customer's reply or a status change cancelled or moved
 * it otherwise), through the same closing steps as an agent's close (timeline, survey, SLA).
 */
export const autoCloseTicketJob: JobHandler = async (db, job) => {
  const payload = jobPayload("ticket.auto_close", job.payload);
  await db.$transaction(async (tx) => {
    const closed = await tx.ticket.updateManyAndReturn({
      where: { id: payload.ticketId, workspaceId: job.workspaceId, status: "pending", closureScheduledAt: new Date(payload.at) },
      data: { status: "closed", closureScheduledAt: null, snoozedUntil: null, snoozedById: null },
      select: { id: true, kind: true, workspace: { select: { id: true, satisfactionSurveys: true } } },
    });
    const ticket = closed[0];
    if (!ticket) return;
    const reason = `closed automatically after ${payload.days} ${payload.days === 1 ? "day" : "days"} pending`;
    await recordClosure(tx, ticket.workspace, { id: ticket.id, kind: ticket.kind, status: "pending" }, { actorUserId: null, reason });
    await refreshTicketSla(tx, ticket.workspace.id, ticket.id);
  });
};

/** Sets or clears `archivedAt`; archived tickets leave the default lists. */
export async function setTicketArchived(db: Db, access: WorkspaceAccess, ticketId: string, archived: boolean) {
  const workspaceId = access.workspace.id;
  return db.$transaction(async (tx) => {
    const ticket = await findTicket(tx, workspaceId, ticketId);
    if (Boolean(ticket.archivedAt) !== archived) {
      await tx.ticket.update({ where: { id: ticketId }, data: { archivedAt: archived ? new Date() : null } });
      await recordActivity(tx, { workspaceId, ticketId, actorUserId: access.user.id, type: archived ? "archived" : "unarchived" });
    }
    return getTicketDto(tx, workspaceId, ticketId);
  });
}
