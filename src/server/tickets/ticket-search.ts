import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import type { ListTicketsFilters } from "./tickets.schema";

const DEFAULT_STATUSES = ["open", "pending", "closed"];

/**
 * The ids of one page of a workspace's tickets matching the filters, and the total. One SQL query
 * so search, filters, ranking and the count agree: full-text matches come from the GIN indexes on
 * ticket subjects and message bodies (summed ranks, best first); otherwise newest activity first.
 */
export async function searchTicketIds(
  db: Db,
  workspaceId: string,
  filters: ListTicketsFilters,
  callerId: string | null,
): Promise<{ ids: string[]; total: number }> {
  const conditions: Prisma.Sql[] = [
    Prisma.sql`t."workspaceId" = ${workspaceId}::uuid`,
    filters.archived ? Prisma.sql`t."archivedAt" IS NOT NULL` : Prisma.sql`t."archivedAt" IS NULL`,
    Prisma.sql`t."status" = ANY(CAST(${filters.status ?? DEFAULT_STATUSES} AS "TicketStatus"[]))`,
  ];
  if (filters.assignee === "none") conditions.push(Prisma.sql`t."assigneeId" IS NULL`);
  else if (filters.assignee) conditions.push(Prisma.sql`t."assigneeId" = ${filters.assignee === "me" ? callerId : filters.assignee}::uuid`);
  if (filters.priority) conditions.push(Prisma.sql`t."priority" = ANY(CAST(${filters.priority} AS "TicketPriority"[]))`);
  for (const tag of new Set(filters.tags?.map((name) => name.toLowerCase()))) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "TicketTag" tt JOIN "Tag" g ON g."id" = tt."tagId"
      WHERE tt."ticketId" = t."id" AND g."workspaceId" = ${workspaceId}::uuid AND lower(g."name") = ${tag})`);
  }
  const where = Prisma.join(conditions, " AND ");
  const page = Prisma.sql`LIMIT ${filters.limit} OFFSET ${filters.offset}`;

  const rows = filters.search
    ? await db.$queryRaw<{ id: string; total: bigint }[]>`
        WITH q AS (SELECT websearch_to_tsquery('english', ${filters.search}) AS query),
        matches AS (
          SELECT t."id" AS "ticketId", ts_rank(t."searchVector", q.query) * 2 AS rank
            FROM "Ticket" t, q WHERE t."workspaceId" = ${workspaceId}::uuid AND t."searchVector" @@ q.query
          UNION ALL
          SELECT m."ticketId", ts_rank(m."searchVector", q.query)
            FROM "Message" m, q WHERE m."workspaceId" = ${workspaceId}::uuid AND m."searchVector" @@ q.query
        ),
        ranked AS (SELECT "ticketId", sum(rank) AS rank FROM matches GROUP BY "ticketId")
        SELECT t."id", count(*) OVER () AS total
          FROM ranked r JOIN "Ticket" t ON t."id" = r."ticketId"
         WHERE ${where}
         ORDER BY r.rank DESC, t."lastActivityAt" DESC, t."ticketNumber" DESC ${page}`
    : await db.$queryRaw<{ id: string; total: bigint }[]>`
        SELECT t."id", count(*) OVER () AS total FROM "Ticket" t
         WHERE ${where}
         ORDER BY t."lastActivityAt" DESC, t."ticketNumber" DESC ${page}`;
  if (!rows[0] && filters.offset > 0) {
    // A page past the end has no row to carry the total: ask for the first row instead.
    const { total } = await searchTicketIds(db, workspaceId, { ...filters, offset: 0, limit: 1 }, callerId);
    return { ids: [], total };
  }
  return { ids: rows.map((r) => r.id), total: rows[0] ? Number(rows[0].total) : 0 };
}
