import type { WorkspaceAccess } from "@/server/auth/access";
import type { Db, Prisma } from "@/server/db";
import type { Ticket } from "@/generated/prisma/client";
import { AppError } from "@/server/errors";
import { surveyClosedTickets } from "@/server/satisfaction/survey-on-close";
import { refreshTicketSla } from "@/server/sla/ticket-sla";
import { recordActivity } from "./activity";
import { findTicket, getTicketDto } from "./tickets.service";
import type { ChangeStatusInput } from "./tickets.schema";

/**
 * Moves a (not merged) ticket to another status inside the caller's transaction, with its timeline
 * entry; closing cancels a scheduled closure and may send the satisfaction survey.
 */
export async function applyStatusChange(
  tx: Prisma.TransactionClient,
  access: WorkspaceAccess,
  ticket: Pick<Ticket, "id" | "kind" | "status">,
  input: ChangeStatusInput,
) {
  await tx.ticket.update({
    where: { id: ticket.id },
    data: { status: input.toStatus, ...(input.toStatus === "closed" ? { closureScheduledAt: null } : {}) },
  });
  await recordActivity(tx, {
    workspaceId: access.workspace.id,
    ticketId: ticket.id,
    actorUserId: access.user.id,
    type: "status_changed",
    data: { from: ticket.status, to: input.toStatus, reason: input.reason ?? null },
  });
  if (input.toStatus === "closed") await surveyClosedTickets(tx, access.workspace, [ticket]);
  await refreshTicketSla(tx, access.workspace.id, ticket.id);
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
