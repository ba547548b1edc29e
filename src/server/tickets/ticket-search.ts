import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { readJoin, unreadColumn } from "./read-state";
import { searchConditions } from "./search-conditions";
import { parseSearch } from "./search-query";
import { afterCursor, decodeTicketCursor, orderBy, type TicketCursor } from "./ticket-cursor";
import { ticketRowColumns, ticketRowJoins, type TicketRow } from "./ticket-rows";
import type { ListTicketsFilters } from "./tickets.schema";

const DEFAULT_STATUSES = ["open", "pending", "closed"] as const;

/** What narrows a list, apart from its status and archive tab. */
export type TicketListScope = Pick<ListTicketsFilters, "assignee" | "priority" | "contact" | "customer" | "mailbox" | "unread" | "tags" | "search" | "sla">;

/**
 * The conditions every list and count shares. Each is written so an index can serve it in the list's
 * order: the archive flag and a single status are equalities, tags are matched by id (looked up
 * first, so the planner knows how common each tag is and walks the list index when the page fills
 * fast), and the search's words are one vector per ticket (subject and message bodies), which the
 * planner reads from its GIN index when the words are rare or checks while walking the newest
 * tickets when they are common; its operators and names are ids looked up first (search-conditions.ts).
 */
export async function scopeConditions(db: Db, workspaceId: string, scope: TicketListScope, callerId: string | null): Promise<Prisma.Sql[]> {
  const conditions: Prisma.Sql[] = [Prisma.sql`t."workspaceId" = ${workspaceId}::uuid`];
  if (scope.assignee === "none") conditions.push(Prisma.sql`t."assigneeId" IS NULL`);
  else if (scope.assignee) conditions.push(Prisma.sql`t."assigneeId" = ${scope.assignee === "me" ? callerId : scope.assignee}::uuid`);
  if (scope.contact) conditions.push(Prisma.sql`t."contactId" = ${scope.contact}::uuid`);
  if (scope.customer) conditions.push(Prisma.sql`t."customerId" = ${scope.customer}::uuid`);
  if (scope.mailbox) conditions.push(Prisma.sql`t."mailboxId" = ${scope.mailbox}::uuid`);
  if (scope.unread)
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "TicketRead" ur WHERE ur."userId" = ${callerId}::uuid AND ur."ticketId" = t."id" AND t."lastCustomerMessageAt" > ur."readAt")`,
    );
  if (scope.priority) conditions.push(Prisma.sql`t."priority" = ANY(CAST(${scope.priority} AS "TicketPriority"[]))`);
  conditions.push(...(await tagConditions(db, workspaceId, scope.tags ?? [])));
  if (scope.search) {
    const search = parseSearch(scope.search);
    conditions.push(...(await searchConditions(db, workspaceId, search, callerId, (names) => tagConditions(db, workspaceId, names))));
  }
  // Both read the partial SLA index, whose rows are the tickets with a due time.
  if (scope.sla === "due") conditions.push(Prisma.sql`t."slaDueAt" IS NOT NULL`);
  if (scope.sla === "breached") conditions.push(Prisma.sql`t."slaDueAt" IS NOT NULL AND t."slaDueAt" <= now()`);
  return conditions;
}

/** A ticket must carry every tag named (any case): one that does not exist matches nothing. */
async function tagConditions(db: Db, workspaceId: string, names: readonly string[]): Promise<Prisma.Sql[]> {
  const tagNames = [...new Set(names.map((name) => name.toLowerCase()))];
  if (tagNames.length === 0) return [];
  const tags = await db.$queryRaw<{ id: string; name: string }[]>`
    SELECT "id", lower("name") AS "name" FROM "Tag" WHERE "workspaceId" = ${workspaceId}::uuid AND lower("name") = ANY(${tagNames})`;
  return tagNames.map((name) => {
    const ids = tags.filter((tag) => tag.name === name).map((tag) => tag.id);
    return ids.length === 0
      ? Prisma.sql`false`
      : Prisma.sql`EXISTS (SELECT 1 FROM "TicketTag" tt WHERE tt."ticketId" = t."id" AND tt."tagId" = ANY(${ids}::uuid[]))`;
  });
}

/**
 * The tab part: archived or not, and the statuses (one status is an equality the index orders
 * after), and snoozed or not when `snoozed` is set (the Snoozed tab walks its partial index; the
 * other tabs skip the few snoozed tickets while walking theirs).
 */
export function tabConditions(archived: boolean, statuses: readonly string[] | undefined, snoozed?: boolean): Prisma.Sql[] {
  const status = statuses ?? DEFAULT_STATUSES;
  return [
    ...(snoozed === undefined ? [] : [snoozed ? Prisma.sql`t."snoozedUntil" IS NOT NULL` : Prisma.sql`t."snoozedUntil" IS NULL`]),
    Prisma.sql`t."isArchived" = ${archived}`,
    status.length === 1 ? Prisma.sql`t."status" = CAST(${status[0]} AS "TicketStatus")` : Prisma.sql`t."status" = ANY(CAST(${status} AS "TicketStatus"[]))`,
  ];
}

export interface TicketPage {
  rows: (TicketRow & { unread: boolean })[];
  /** Where the next page starts, or null on the last page. */
  next: TicketCursor | null;
}

/**
 * One page of a workspace's tickets, newest activity first (ticket number breaking ties), in one
 * statement with the columns, people and tags the list shows. A cursor continues after the last
 * row seen (keyset: as cheap on page 1,000 as on page 1); `offset` stays for the clients that use it.
 * One row more than asked tells whether a next page exists. Each row says whether the reader has
 * not seen its newest customer message (one join on the reads' primary key, see read-state.ts).
 */
export async function ticketPage(db: Db, scope: Prisma.Sql[], filters: ListTicketsFilters, readerId: string | null, rank?: Prisma.Sql): Promise<TicketPage> {
  if (filters.sort === "relevance" && rank) return rankedPage(db, scope, filters, readerId, rank);
  const due = filters.sort === "due" ? [Prisma.sql`t."slaDueAt" IS NOT NULL`] : [];
  const where = Prisma.join([...scope, ...tabConditions(filters.archived, filters.status, filters.snoozed), ...due, ...afterCursor(filters.cursor)], " AND ");
  const order = orderBy(filters.sort);
  const rows = await db.$queryRaw<TicketPage["rows"]>`
    SELECT ${ticketRowColumns}, ${unreadColumn} FROM (
      SELECT * FROM "Ticket" t WHERE ${where}
      ORDER BY ${order} LIMIT ${filters.limit + 1} OFFSET ${filters.offset}
    ) t ${ticketRowJoins} ${readJoin(readerId)}
    ORDER BY ${order}`;
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  if (rows.length <= filters.limit || !last) return { rows: page, next: null };
  const at = filters.sort === "due" ? last.slaDueAt! : last.lastActivityAt;
  return { rows: page, next: { order: filters.sort, at, ticketNumber: last.ticketNumber } };
}

/** Relevance ranks this many of a search's newest matches: a bounded cost however common the words. */
export const RANKED_MATCHES = 500;

/**
 * A page of a search's best matches: its newest RANKED_MATCHES matches (walked in the list's index
 * order, as the newest-first list walks them), ordered by `rank`, newest first within a rank. The
 * cursor is the position of the next page among them.
 */
async function rankedPage(db: Db, scope: Prisma.Sql[], filters: ListTicketsFilters, readerId: string | null, rank: Prisma.Sql): Promise<TicketPage> {
  const cursor = filters.cursor ? decodeTicketCursor(filters.cursor) : null;
  const position = cursor ? cursor.ticketNumber : filters.offset;
  const where = Prisma.join([...scope, ...tabConditions(filters.archived, filters.status, filters.snoozed)], " AND ");
  const order = Prisma.sql`t."searchRank" DESC, t."lastActivityAt" DESC, t."ticketNumber" DESC`;
  const rows = await db.$queryRaw<TicketPage["rows"]>`
    SELECT ${ticketRowColumns}, ${unreadColumn} FROM (
      SELECT * FROM (
        SELECT t.*, ${rank} AS "searchRank" FROM "Ticket" t WHERE ${where}
        ORDER BY t."lastActivityAt" DESC, t."ticketNumber" DESC LIMIT ${RANKED_MATCHES}
      ) t ORDER BY ${order} LIMIT ${filters.limit + 1} OFFSET ${position}
    ) t ${ticketRowJoins} ${readJoin(readerId)}
    ORDER BY ${order}`;
  const page = rows.slice(0, filters.limit);
  const more = rows.length > filters.limit;
  return { rows: page, next: more ? { order: "relevance", at: new Date(0), ticketNumber: position + filters.limit } : null };
}

/** The exact number of tickets the filters match across pages (what X-Total-Count promises). */
export async function countTickets(db: Db, scope: Prisma.Sql[], filters: ListTicketsFilters): Promise<number> {
  const where = Prisma.join([...scope, ...tabConditions(filters.archived, filters.status, filters.snoozed)], " AND ");
  const [row] = await db.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM "Ticket" t WHERE ${where}`;
  return Number(row?.total ?? 0);
}
