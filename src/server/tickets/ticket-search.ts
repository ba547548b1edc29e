import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import type { ListTicketsFilters } from "./tickets.schema";

const DEFAULT_STATUSES = ["open", "pending", "closed"];

/**
 * The ids of one page of a workspace's tickets matching the filters (best full-text rank first when
 * searching, then newest activity), and the total across pages. Page and total share their SQL.
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
  // Full-text matches come from the GIN indexes on subjects and message bodies; ranks are summed.
  const from = filters.search
    ? Prisma.sql`(
        SELECT "ticketId", sum(rank) AS rank FROM (
          SELECT t."id" AS "ticketId", ts_rank(t."searchVector", q.query) * 2 AS rank
            FROM "Ticket" t, q WHERE t."workspaceId" = ${workspaceId}::uuid AND t."searchVector" @@ q.query
          UNION ALL
          SELECT m."ticketId", ts_rank(m."searchVector", q.query)
            FROM "Message" m, q WHERE m."workspaceId" = ${workspaceId}::uuid AND m."searchVector" @@ q.query
        ) matches GROUP BY "ticketId"
      ) r JOIN "Ticket" t ON t."id" = r."ticketId"`
    : Prisma.sql`"Ticket" t`;
  const withQuery = Prisma.sql`WITH q AS (SELECT websearch_to_tsquery('english', ${filters.search ?? ""}) AS query)`;
  const order = filters.search
    ? Prisma.sql`r.rank DESC, t."lastActivityAt" DESC, t."ticketNumber" DESC`
    : Prisma.sql`t."lastActivityAt" DESC, t."ticketNumber" DESC`;

  // The page and the total are two queries: a window count would make the page read every match.
  const rows = await db.$queryRaw<
    { id: string }[]
  >`${withQuery} SELECT t."id" FROM ${from} WHERE ${where} ORDER BY ${order} LIMIT ${filters.limit} OFFSET ${filters.offset}`;
  const [count] = await db.$queryRaw<{ total: bigint }[]>`${withQuery} SELECT count(*) AS total FROM ${from} WHERE ${where}`;
  return { ids: rows.map((r) => r.id), total: Number(count?.total ?? 0) };
}
