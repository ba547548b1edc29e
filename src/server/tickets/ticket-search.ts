import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { readJoin, unreadColumn } from "./read-state";
import { afterCursor, type TicketCursor } from "./ticket-cursor";
import { ticketRowColumns, ticketRowJoins, type TicketRow } from "./ticket-rows";
import type { ListTicketsFilters } from "./tickets.schema";

const DEFAULT_STATUSES = ["open", "pending", "closed"] as const;

/** What narrows a list, apart from its status and archive tab. */
export type TicketListScope = Pick<ListTicketsFilters, "assignee" | "priority" | "contact" | "customer" | "tags" | "search">;

/**
 * The conditions every list and count shares. Each is written so an index can serve it in the list's
 * order: the archive flag and a single status are equalities, tags are matched by id (looked up
 * first, so the planner knows how common each tag is and walks the list index when the page fills
 * fast), and the search is one vector per ticket (subject and message bodies), which the planner
 * reads from its GIN index when the words are rare or checks while walking the newest tickets when
 * they are common.
 */
export async function scopeConditions(db: Db, workspaceId: string, scope: TicketListScope, callerId: string | null): Promise<Prisma.Sql[]> {
  const conditions: Prisma.Sql[] = [Prisma.sql`t."workspaceId" = ${workspaceId}::uuid`];
  if (scope.assignee === "none") conditions.push(Prisma.sql`t."assigneeId" IS NULL`);
  else if (scope.assignee) conditions.push(Prisma.sql`t."assigneeId" = ${scope.assignee === "me" ? callerId : scope.assignee}::uuid`);
  if (scope.contact) conditions.push(Prisma.sql`t."contactId" = ${scope.contact}::uuid`);
  if (scope.customer) conditions.push(Prisma.sql`t."customerId" = ${scope.customer}::uuid`);
  if (scope.priority) conditions.push(Prisma.sql`t."priority" = ANY(CAST(${scope.priority} AS "TicketPriority"[]))`);
  const tagNames = [...new Set(scope.tags?.map((name) => name.toLowerCase()))];
  if (tagNames.length > 0) {
    const tags = await db.$queryRaw<{ id: string; name: string }[]>`
      SELECT "id", lower("name") AS "name" FROM "Tag" WHERE "workspaceId" = ${workspaceId}::uuid AND lower("name") = ANY(${tagNames})`;
    for (const name of tagNames) {
      const ids = tags.filter((tag) => tag.name === name).map((tag) => tag.id);
      // A ticket must carry every tag named: one that does not exist matches nothing.
      conditions.push(
        ids.length === 0
          ? Prisma.sql`false`
          : Prisma.sql`EXISTS (SELECT 1 FROM "TicketTag" tt WHERE tt."ticketId" = t."id" AND tt."tagId" = ANY(${ids}::uuid[]))`,
      );
    }
  }
  if (scope.search) conditions.push(Prisma.sql`t."searchDocument" @@ websearch_to_tsquery('english', ${scope.search})`);
  return conditions;
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
export async function ticketPage(db: Db, scope: Prisma.Sql[], filters: ListTicketsFilters, readerId: string | null): Promise<TicketPage> {
  const where = Prisma.join([...scope, ...tabConditions(filters.archived, filters.status, filters.snoozed), ...afterCursor(filters.cursor)], " AND ");
  const rows = await db.$queryRaw<TicketPage["rows"]>`
    SELECT ${ticketRowColumns}, ${unreadColumn} FROM (
      SELECT * FROM "Ticket" t WHERE ${where}
      ORDER BY t."lastActivityAt" DESC, t."ticketNumber" DESC LIMIT ${filters.limit + 1} OFFSET ${filters.offset}
    ) t ${ticketRowJoins} ${readJoin(readerId)}
    ORDER BY t."lastActivityAt" DESC, t."ticketNumber" DESC`;
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  return { rows: page, next: rows.length > filters.limit && last ? { lastActivityAt: last.lastActivityAt, ticketNumber: last.ticketNumber } : null };
}

/** The exact number of tickets the filters match across pages (what X-Total-Count promises). */
export async function countTickets(db: Db, scope: Prisma.Sql[], filters: ListTicketsFilters): Promise<number> {
  const where = Prisma.join([...scope, ...tabConditions(filters.archived, filters.status, filters.snoozed)], " AND ");
  const [row] = await db.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM "Ticket" t WHERE ${where}`;
  return Number(row?.total ?? 0);
}
