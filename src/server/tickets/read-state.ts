import { Prisma } from "@/generated/prisma/client";
import type { WorkspaceAccess } from "@/server/auth/access";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { SLA_NOTIFICATION_TYPES, TICKET_NOTIFICATION_TYPES } from "@/server/notifications/notification-types";

/**
 * A ticket is unread for a member when a customer wrote (not an auto-reply) after the member last
 * opened it. A ticket they never opened is new to the list, not unread: so the count stays the
 * number of their tickets that changed, and counting it reads only their own reads.
 */
export const readJoin = (readerId: string | null) => Prisma.sql`LEFT JOIN "TicketRead" r ON r."userId" = ${readerId}::uuid AND r."ticketId" = t."id"`;
export const unreadColumn = Prisma.sql`COALESCE(t."lastCustomerMessageAt" > r."readAt", false) AS "unread"`;

/**
 * Records that the caller opened the ticket now, and marks read their notifications that point at
 * it (assigned, replied, mentioned): they have seen what those were about.
 */
export async function markTicketRead(db: Db, access: WorkspaceAccess, ticketId: string): Promise<{ unreadTickets: number }> {
  const workspaceId = access.workspace.id;
  const userId = access.user.id;
  const recorded = await db.$executeRaw`
    INSERT INTO "TicketRead" ("userId", "ticketId", "workspaceId", "readAt")
    SELECT ${userId}::uuid, "id", "workspaceId", now() FROM "Ticket" WHERE "id" = ${ticketId}::uuid AND "workspaceId" = ${workspaceId}::uuid
    ON CONFLICT ("userId", "ticketId") DO UPDATE SET "readAt" = EXCLUDED."readAt"`;
  if (recorded === 0) throw notFound("Ticket");
  await db.notification.updateMany({
    where: { userId, ticketId, workspaceId, readAt: null, type: { in: [...TICKET_NOTIFICATION_TYPES, ...SLA_NOTIFICATION_TYPES] } },
    data: { readAt: new Date() },
  });
  return { unreadTickets: await countUnreadTickets(db, access) };
}

/** How many of the workspace's live tickets are unread for the caller (the browser tab's count). */
export async function countUnreadTickets(db: Db, access: WorkspaceAccess): Promise<number> {
  const [row] = await db.$queryRaw<{ count: bigint }[]>`
    SELECT count(*) AS count FROM "TicketRead" r JOIN "Ticket" t ON t."id" = r."ticketId"
    WHERE r."userId" = ${access.user.id}::uuid AND r."workspaceId" = ${access.workspace.id}::uuid
      AND t."lastCustomerMessageAt" > r."readAt" AND NOT t."isArchived" AND t."status" <> 'merged'`;
  return Number(row?.count ?? 0);
}
