import type { Prisma } from "@/generated/prisma/client";
import type { WorkspaceAccess } from "@/server/auth/access";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { presentActivity, presentMessage } from "./ticket-presenters";
import { encodeTicketCursor } from "./ticket-cursor";
import { ticketRowById, type TicketRow } from "./ticket-rows";
import { searchRank } from "./search-conditions";
import { parseSearch } from "./search-query";
import { countTickets, scopeConditions, ticketPage } from "./ticket-search";
import { messageRows, timelineRows } from "./ticket-thread";
import { listTicketsSchema, type ListTicketsInput } from "./tickets.schema";

export const ticketInclude = {
  contact: { select: { id: true, email: true, name: true } },
  customer: { select: { id: true, name: true } },
  assignee: { select: { id: true, email: true, name: true } },
  tags: { include: { tag: { select: { id: true, name: true, color: true } } }, orderBy: { tag: { name: "asc" } } },
} satisfies Prisma.TicketInclude;

/** The public shape of a ticket (REST and tRPC answer the same), from Prisma's include or one SQL row. */
export function presentTicket(ticket: TicketRow) {
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
    sla: {
      firstResponseDueAt: ticket.firstResponseDueAt?.toISOString() ?? null,
      nextResponseDueAt: ticket.nextResponseDueAt?.toISOString() ?? null,
      resolutionDueAt: ticket.resolutionDueAt?.toISOString() ?? null,
      /** The soonest of them: the inbox's badge and "due soonest" order. */
      dueAt: ticket.slaDueAt?.toISOString() ?? null,
    },
    /** Set aside until then (hidden from the open and pending tabs), or null. */
    snoozedUntil: ticket.snoozedUntil?.toISOString() ?? null,
    lastActivityAt: ticket.lastActivityAt.toISOString(),
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
  };
}
export type TicketDto = ReturnType<typeof presentTicket>;

/**
 * A page of the workspace's tickets matching the filters (each with `unread`: a customer wrote since
 * the caller last opened it), where the next page starts, and (unless `count` is `none`) the total
 * across pages.
 */
export async function listTickets(db: Db, access: WorkspaceAccess, input: ListTicketsInput) {
  const workspaceId = access.workspace.id;
  const filters = listTicketsSchema.parse(input);
  const scope = await scopeConditions(db, workspaceId, filters, access.user.id);
  const rank = filters.sort === "relevance" && filters.search ? await searchRank(db, workspaceId, parseSearch(filters.search)) : undefined;
  const [page, total] = await Promise.all([
    ticketPage(db, scope, filters, access.user.id, rank),
    filters.count === "exact" ? countTickets(db, scope, filters) : null,
  ]);
  return { tickets: page.rows.map((row) => ({ ...presentTicket(row), unread: row.unread })), total, nextCursor: page.next && encodeTicketCursor(page.next) };
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

/** A ticket with its thread (oldest first) and its timeline: three statements, run side by side. */
export async function getTicketDetail(db: Db, access: WorkspaceAccess, ticketId: string) {
  const workspaceId = access.workspace.id;
  const [ticket, messages, activity] = await Promise.all([
    ticketRowById(db, workspaceId, ticketId),
    messageRows(db, workspaceId, { ticketId }),
    timelineRows(db, workspaceId, ticketId),
  ]);
  if (!ticket) throw notFound("Ticket");
  return { ...presentTicket(ticket), messages: messages.map(presentMessage), activity: activity.map(presentActivity) };
}
