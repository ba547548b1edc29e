import type { Prisma } from "@/generated/prisma/client";
import type { WorkspaceAccess } from "@/server/auth/access";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { presentActivity, presentMessage, messageInclude } from "./ticket-presenters";
import { searchTicketIds } from "./ticket-search";
import { listTicketsSchema, type ListTicketsInput } from "./tickets.schema";

export const ticketInclude = {
  contact: { select: { id: true, email: true, name: true } },
  customer: { select: { id: true, name: true } },
  assignee: { select: { id: true, email: true, name: true } },
  tags: { include: { tag: { select: { id: true, name: true, color: true } } }, orderBy: { tag: { name: "asc" } } },
} satisfies Prisma.TicketInclude;

type TicketWithRelations = Prisma.TicketGetPayload<{ include: typeof ticketInclude }>;

/** The public shape of a ticket (REST and tRPC answer the same). */
export function presentTicket(ticket: TicketWithRelations) {
  return {
    id: ticket.id,
    ticketNumber: ticket.ticketNumber,
    kind: ticket.kind,
    subject: ticket.subject,
    status: ticket.status,
    priority: ticket.priority,
    assigneeId: ticket.assigneeId,
    assignee: ticket.assignee,
    contact: ticket.contact,
    customer: ticket.customer,
    mailboxId: ticket.mailboxId,
    tags: ticket.tags.map((t) => t.tag),
    archivedAt: ticket.archivedAt?.toISOString() ?? null,
    mergedIntoId: ticket.mergedIntoId,
    exchangeCount: ticket.exchangeCount,
    closureScheduledAt: ticket.closureScheduledAt?.toISOString() ?? null,
    lastActivityAt: ticket.lastActivityAt.toISOString(),
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
  };
}
export type TicketDto = ReturnType<typeof presentTicket>;

/** A page of the workspace's tickets matching the filters, and the total across pages. */
export async function listTickets(db: Db, access: WorkspaceAccess, input: ListTicketsInput) {
  const workspaceId = access.workspace.id;
  const filters = listTicketsSchema.parse(input);
  const { ids, total } = await searchTicketIds(db, workspaceId, filters, access.user.id);
  const rows = await db.ticket.findMany({ where: { id: { in: ids }, workspaceId }, include: ticketInclude });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return { tickets: ids.flatMap((id) => (byId.has(id) ? [presentTicket(byId.get(id)!)] : [])), total };
}

/** One ticket of the workspace, or NOT_FOUND (also for another workspace's ticket). */
export async function findTicket(db: Db | Prisma.TransactionClient, workspaceId: string, ticketId: string) {
  const ticket = await db.ticket.findFirst({ where: { id: ticketId, workspaceId }, include: ticketInclude });
  if (!ticket) throw notFound("Ticket");
  return ticket;
}

export async function getTicketDto(db: Db | Prisma.TransactionClient, workspaceId: string, ticketId: string) {
  return presentTicket(await findTicket(db, workspaceId, ticketId));
}

/** A ticket with its thread (oldest first) and its timeline. */
export async function getTicketDetail(db: Db, access: WorkspaceAccess, ticketId: string) {
  const workspaceId = access.workspace.id;
  const ticket = await findTicket(db, workspaceId, ticketId);
  const [messages, activity] = await Promise.all([
    db.message.findMany({ where: { ticketId, workspaceId }, include: messageInclude, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.activityEvent.findMany({
      where: { ticketId, workspaceId },
      include: { actor: { select: { id: true, email: true, name: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  return { ...presentTicket(ticket), messages: messages.map(presentMessage), activity: activity.map(presentActivity) };
}
