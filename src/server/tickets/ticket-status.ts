import type { WorkspaceAccess } from "@/server/auth/access";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { surveyClosedTickets } from "@/server/satisfaction/survey-on-close";
import { recordActivity } from "./activity";
import { findTicket, getTicketDto } from "./tickets.service";
import type { ChangeStatusInput } from "./tickets.schema";

/** open ⇄ pending ⇄ closed; a merged ticket is final. Closing cancels a scheduled closure and ends a snooze. */
export async function changeTicketStatus(db: Db, access: WorkspaceAccess, ticketId: string, input: ChangeStatusInput) {
  const workspaceId = access.workspace.id;
  return db.$transaction(async (tx) => {
    const ticket = await findTicket(tx, workspaceId, ticketId);
    if (ticket.status === "merged") throw new AppError("CONFLICT", "A merged ticket cannot change status");
    if (ticket.status === input.toStatus) throw new AppError("CONFLICT", `The ticket is already ${ticket.status}`);
    await tx.ticket.update({
      where: { id: ticketId },
      data: { status: input.toStatus, ...(input.toStatus === "closed" ? { closureScheduledAt: null, snoozedUntil: null, snoozedById: null } : {}) },
    });
    await recordActivity(tx, {
      workspaceId,
      ticketId,
      actorUserId: access.user.id,
      type: "status_changed",
      data: { from: ticket.status, to: input.toStatus, reason: input.reason ?? null },
    });
    if (input.toStatus === "closed") await surveyClosedTickets(tx, access.workspace, [ticket]);
    return getTicketDto(tx, workspaceId, ticketId);
  });
}

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
