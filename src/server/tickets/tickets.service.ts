import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import type { ListTicketsInput } from "./tickets.schema";

const ticketListInclude = {
  contact: { select: { id: true, email: true, name: true } },
  assignee: { select: { id: true, email: true, name: true } },
  tags: { include: { tag: { select: { id: true, name: true, color: true } } } },
} satisfies Prisma.TicketInclude;

type TicketWithList = Prisma.TicketGetPayload<{ include: typeof ticketListInclude }>;

/** The public shape of a ticket in lists (REST and tRPC answer the same). */
export function presentTicket(ticket: TicketWithList) {
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
    customerId: ticket.customerId,
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

/** The workspace's tickets, newest activity first; archived and merged-away ones left out. */
export async function listTickets(db: Db, workspaceId: string, input: ListTicketsInput) {
  const where: Prisma.TicketWhereInput = { workspaceId, archivedAt: null, status: { not: "merged" } };
  const [tickets, total] = await Promise.all([
    db.ticket.findMany({
      where,
      include: ticketListInclude,
      orderBy: [{ lastActivityAt: "desc" }, { ticketNumber: "desc" }],
      take: input.limit,
      skip: input.offset,
    }),
    db.ticket.count({ where }),
  ]);
  return { tickets: tickets.map(presentTicket), total };
}
