import type { Prisma, Ticket } from "@/generated/prisma/client";
import type { InboundEmail } from "./inbound.schema";
import { extractTicketToken } from "@/server/email/subject";
import { followMerges } from "@/server/tickets/merge-chain";

export type MatchedBy = "in-reply-to" | "references" | "earlier-reply" | "subject-token";

export interface ThreadMatch {
  ticket: Ticket;
  matchedBy: MatchedBy;
  /** The Message-ID (or `[#n]` token) that matched. */
  matchedOn: string;
  /** Ticket numbers passed through because they had been merged away. */
  mergedFrom: number[];
}

/**
 * The ticket an inbound email belongs to: In-Reply-To, then References from last
 * to first, against every stored inbound and outbound Message-ID of the workspace; then a `[#n]`
 * subject token, only when the sender is that ticket's contact. A reply can arrive before the
 * message it answers (providers deliver out of order): a stored message that names this one in its
 * In-Reply-To or References claims it too. A merged ticket forwards to the ticket it was merged into.
 */
export async function findThreadMatch(tx: Prisma.TransactionClient, workspaceId: string, email: InboundEmail): Promise<ThreadMatch | null> {
  const candidates = [...new Set([...email.inReplyTo, ...[...email.references].reverse()])].filter((id) => id !== email.messageId);
  if (candidates.length > 0) {
    // One after the other: queries of one transaction share a connection.
    const messages = await tx.message.findMany({
      where: { workspaceId, messageIdHeader: { in: candidates } },
      select: { messageIdHeader: true, ticketId: true },
    });
    const outbound = await tx.outboundEmail.findMany({
      where: { workspaceId, messageIdHeader: { in: candidates }, ticketId: { not: null } },
      select: { messageIdHeader: true, ticketId: true },
    });
    const ticketByMessageId = new Map<string, string>();
    for (const row of [...outbound, ...messages]) if (row.messageIdHeader && row.ticketId) ticketByMessageId.set(row.messageIdHeader, row.ticketId);
    const hit = candidates.find((id) => ticketByMessageId.has(id));
    if (hit) {
      const ticket = await tx.ticket.findFirst({ where: { id: ticketByMessageId.get(hit)!, workspaceId } });
      if (ticket) return forwarded(tx, workspaceId, { ticket, matchedBy: email.inReplyTo.includes(hit) ? "in-reply-to" : "references", matchedOn: hit });
    }
  }

  if (email.messageId) {
    const laterReply = await tx.message.findFirst({
      where: { workspaceId, OR: [{ inReplyTo: email.messageId }, { references: { has: email.messageId } }] },
      include: { ticket: true },
      orderBy: { createdAt: "asc" },
    });
    if (laterReply) {
      return forwarded(tx, workspaceId, { ticket: laterReply.ticket, matchedBy: "earlier-reply", matchedOn: laterReply.messageIdHeader ?? email.messageId });
    }
  }

  const ticketNumber = extractTicketToken(email.subject);
  if (ticketNumber !== null) {
    const ticket = await tx.ticket.findUnique({
      where: { workspaceId_ticketNumber: { workspaceId, ticketNumber } },
      include: { contact: { select: { email: true } } },
    });
    if (ticket && ticket.contact?.email === email.from.email) {
      const { contact: _contact, ...plain } = ticket;
      return forwarded(tx, workspaceId, { ticket: plain, matchedBy: "subject-token", matchedOn: `[#${ticketNumber}]` });
    }
  }
  return null;
}

/** The match with its ticket replaced by the one a merged ticket forwards to. */
async function forwarded(tx: Prisma.TransactionClient, workspaceId: string, match: Omit<ThreadMatch, "mergedFrom">): Promise<ThreadMatch> {
  return { ...match, ...(await followMerges(tx, workspaceId, match.ticket)) };
}
