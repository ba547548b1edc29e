import type { Prisma } from "@/generated/prisma/client";
import type { WorkspaceAccess } from "@/server/auth/access";
import { AppError } from "@/server/errors";

const EXCERPT_CHARS = 280;

/** A message that arrived after the one the agent last saw, as the 409's details list it. */
export interface ArrivedMessage {
  id: string;
  direction: "inbound" | "outbound";
  author: { id: string; name: string | null; email: string } | null;
  fromAddress: string | null;
  fromName: string | null;
  createdAt: string;
  excerpt: string;
}

/**
 * Refuses a reply written against an outdated thread: when a customer message or another agent's
 * reply came after `lastSeenMessageId`, a CONFLICT whose details list them (`arrived`). Notes and
 * the caller's own replies do not count. Takes the ticket's row lock first, in the caller's
 * transaction, so two agents answering the same thread at once are checked one after the other:
 * the second sees the first's reply and is refused.
 */
export async function refuseStaleReply(tx: Prisma.TransactionClient, access: WorkspaceAccess, ticketId: string, lastSeenMessageId: string) {
  const workspaceId = access.workspace.id;
  await tx.$queryRaw`SELECT 1 FROM "Ticket" WHERE "id" = ${ticketId}::uuid AND "workspaceId" = ${workspaceId}::uuid FOR UPDATE`;
  const lastSeen = await tx.message.findFirst({ where: { id: lastSeenMessageId, ticketId, workspaceId }, select: { id: true, createdAt: true } });
  if (!lastSeen) {
    throw new AppError("VALIDATION", "The last message you saw is not on this ticket", {
      fields: { lastSeenMessageId: "must be a message of this ticket" },
    });
  }
  const arrived = await tx.message.findMany({
    where: {
      ticketId,
      workspaceId,
      direction: { in: ["inbound", "outbound"] },
      AND: [
        { OR: [{ authorUserId: null }, { authorUserId: { not: access.user.id } }] },
        // The thread's own order (createdAt, then id): whatever the agent's page listed after lastSeen.
        { OR: [{ createdAt: { gt: lastSeen.createdAt } }, { createdAt: lastSeen.createdAt, id: { gt: lastSeen.id } }] },
      ],
    },
    include: { author: { select: { id: true, name: true, email: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  if (arrived.length === 0) return;
  const details: ArrivedMessage[] = arrived.map((message) => ({
    id: message.id,
    direction: message.direction as ArrivedMessage["direction"],
    author: message.author,
    fromAddress: message.fromAddress,
    fromName: message.fromName,
    createdAt: message.createdAt.toISOString(),
    excerpt: message.bodyText.slice(0, EXCERPT_CHARS),
  }));
  const what = arrived.length === 1 ? "A new message arrived" : `${arrived.length} new messages arrived`;
  throw new AppError("CONFLICT", `${what} on this ticket since you started writing; nothing was sent`, { arrived: details });
}
