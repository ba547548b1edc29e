import { Prisma } from "@/generated/prisma/client";
import type { Ticket } from "@/generated/prisma/client";
import type { Db } from "@/server/db";

type Person = { id: string; email: string; name: string | null };

/**
 * A ticket with the people and tags its public shape shows, as one SQL row (`ticketRowColumns` over
 * a ticket `t` joined by `ticketRowJoins`): the related rows come as JSON objects, so a page of the
 * list or one ticket is one statement instead of one per relation.
 */
export type TicketRow = Pick<
  Ticket,
  | "id"
  | "ticketNumber"
  | "kind"
  | "subject"
  | "status"
  | "priority"
  | "assigneeId"
  | "mailboxId"
  | "archivedAt"
  | "mergedIntoId"
  | "exchangeCount"
  | "closureScheduledAt"
  | "firstResponseDueAt"
  | "nextResponseDueAt"
  | "resolutionDueAt"
  | "slaDueAt"
  | "snoozedUntil"
  | "lastActivityAt"
  | "createdAt"
  | "updatedAt"
> & {
  contact: Person | null;
  customer: { id: string; name: string } | null;
  assignee: Person | null;
  tags: { tag: { id: string; name: string; color: string } }[];
};

export const ticketRowColumns = Prisma.sql`
  t."id", t."ticketNumber", t."kind", t."subject", t."status", t."priority", t."assigneeId", t."mailboxId", t."archivedAt",
  t."mergedIntoId", t."exchangeCount", t."closureScheduledAt", t."snoozedUntil", t."lastActivityAt",
  t."firstResponseDueAt", t."nextResponseDueAt", t."resolutionDueAt", t."slaDueAt", t."createdAt", t."updatedAt",
  CASE WHEN c."id" IS NULL THEN NULL ELSE json_build_object('id', c."id", 'email', c."email", 'name', c."name") END AS "contact",
  CASE WHEN cu."id" IS NULL THEN NULL ELSE json_build_object('id', cu."id", 'name', cu."name") END AS "customer",
  CASE WHEN u."id" IS NULL THEN NULL ELSE json_build_object('id', u."id", 'email', u."email", 'name', u."name") END AS "assignee",
  coalesce((
    SELECT json_agg(json_build_object('tag', json_build_object('id', g."id", 'name', g."name", 'color', g."color")) ORDER BY g."name")
    FROM "TicketTag" tt JOIN "Tag" g ON g."id" = tt."tagId" WHERE tt."ticketId" = t."id"
  ), '[]'::json) AS "tags"`;

export const ticketRowJoins = Prisma.sql`
  LEFT JOIN "Contact" c ON c."id" = t."contactId"
  LEFT JOIN "Customer" cu ON cu."id" = t."customerId"
  LEFT JOIN "User" u ON u."id" = t."assigneeId"`;

/** One ticket of the workspace as a ticket row, or null. */
export async function ticketRowById(db: Db, workspaceId: string, ticketId: string): Promise<TicketRow | null> {
  const [row] = await db.$queryRaw<TicketRow[]>`
    SELECT ${ticketRowColumns} FROM "Ticket" t ${ticketRowJoins} WHERE t."id" = ${ticketId}::uuid AND t."workspaceId" = ${workspaceId}::uuid`;
  return row ?? null;
}
