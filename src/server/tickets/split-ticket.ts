import type { WorkspaceAccess } from "@/server/auth/access";
import { refreshTicketSla } from "@/server/sla/ticket-sla";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { recordActivity } from "./activity";
import { allocateTicketNumber } from "./ticket-number";
import { findTicket, getTicketDto } from "./tickets.service";
import type { SplitTicketInput } from "./tickets.schema";

/**
 * Moves some of a ticket's messages (with their attachments) into a new ticket that keeps the
 * contact, customer, mailbox and kind. Only messages of this ticket, and never all of them.
 */
export async function splitTicket(db: Db, access: WorkspaceAccess, ticketId: string, input: SplitTicketInput) {
  const workspaceId = access.workspace.id;
  const messageIds = [...new Set(input.messageIds)];
  return db.$transaction(async (tx) => {
    const source = await findTicket(tx, workspaceId, ticketId);
    if (source.status === "merged") throw new AppError("CONFLICT", "A merged ticket cannot be split");
    const messages = await tx.message.findMany({ where: { ticketId, workspaceId }, select: { id: true, createdAt: true } });
    const own = new Set(messages.map((m) => m.id));
    if (messageIds.some((id) => !own.has(id))) {
      throw new AppError("VALIDATION", "Only messages of this ticket can be split off", { fields: { messageIds: "contains messages of another ticket" } });
    }
    if (messageIds.length === messages.length) {
      throw new AppError("VALIDATION", "At least one message must stay on the ticket", { fields: { messageIds: "cannot be all of the ticket's messages" } });
    }
    const movedTimes = messages.filter((m) => messageIds.includes(m.id)).map((m) => m.createdAt.getTime());
    const ticketNumber = await allocateTicketNumber(tx, workspaceId);
    const created = await tx.ticket.create({
      data: {
        workspaceId,
        ticketNumber,
        subject: input.newSubject,
        kind: source.kind,
        priority: source.priority,
        contactId: source.contactId,
        customerId: source.customer?.id ?? null,
        mailboxId: source.mailboxId,
        lastActivityAt: new Date(Math.max(...movedTimes)),
      },
    });
    const { count: movedCount } = await tx.message.updateMany({ where: { id: { in: messageIds }, ticketId }, data: { ticketId: created.id } });
    await tx.attachment.updateMany({ where: { messageId: { in: messageIds }, workspaceId }, data: { ticketId: created.id } });
    const remaining = await tx.message.findFirst({ where: { ticketId }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
    if (remaining) await tx.ticket.update({ where: { id: ticketId }, data: { lastActivityAt: remaining.createdAt } });
    for (const id of [ticketId, created.id]) await refreshTicketSla(tx, workspaceId, id);
    const actor = { workspaceId, actorUserId: access.user.id };
    await recordActivity(tx, {
      ...actor,
      ticketId: created.id,
      type: "created",
      data: { kind: created.kind, ticketNumber, splitFrom: ticketId, splitFromNumber: source.ticketNumber },
    });
    await recordActivity(tx, { ...actor, ticketId, type: "split", data: { into: created.id, intoNumber: ticketNumber, movedCount } });
    return { ticket: await getTicketDto(tx, workspaceId, created.id), movedCount };
  });
}
