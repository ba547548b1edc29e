import type { TicketStatus } from "@/generated/prisma/client";
import type { InboundEmail } from "./inbound.schema";

export type MatchedBy = "in-reply-to" | "references" | "earlier-reply" | "subject-token";

/** The ticket fields routing decides on. */
export interface ThreadTicket {
  id: string;
  status: TicketStatus;
  ticketNumber: number;
  contactId: string | null;
}

export interface ThreadMatch {
  ticket: ThreadTicket;
  matchedBy: MatchedBy;
  /** The Message-ID (or `[#n]` token) that matched. */
  matchedOn: string;
  /** Ticket numbers passed through because they had been merged away. */
  mergedFrom: number[];
}

/**
 * The Message-IDs an email names as its thread, in the order they are tried: In-Reply-To, then
 * References from last to first (the nearest ancestor first), never the email's own.
 */
export function threadCandidates(email: Pick<InboundEmail, "messageId" | "inReplyTo" | "references">): string[] {
  return [...new Set([...email.inReplyTo, ...[...email.references].reverse()])].filter((id) => id !== email.messageId);
}

/** What the ingest lookup (ingest-statements.ts) found: the first hit, and the merge chain from its ticket. */
export interface ThreadLookup {
  hit: { by: "header" | "earlier-reply" | "subject-token"; on: string; ticketId: string } | null;
  chain: (ThreadTicket & { mergedIntoId: string | null; hops: number })[] | null;
}

/**
 * The ticket an inbound email belongs to, from the lookup: a stored inbound or outbound Message-ID
 * the email names (In-Reply-To, then References from last to first); else a stored message that
 * names this one in its In-Reply-To or References (a reply that arrived first); else a `[#n]` subject
 * token, only when the sender is that ticket's contact. A merged ticket forwards to the ticket it
 * was merged into, merges of merges followed up to 10 hops.
 */
export function threadMatch(email: Pick<InboundEmail, "inReplyTo">, lookup: ThreadLookup): ThreadMatch | null {
  const { hit, chain } = lookup;
  if (!hit || !chain || chain.length === 0) return null;
  const last = chain.at(-1)!;
  const matchedBy: MatchedBy = hit.by === "header" ? (email.inReplyTo.includes(hit.on) ? "in-reply-to" : "references") : hit.by;
  return {
    ticket: { id: last.id, status: last.status, ticketNumber: last.ticketNumber, contactId: last.contactId },
    matchedBy,
    matchedOn: hit.on,
    mergedFrom: chain.slice(0, -1).map((ticket) => ticket.ticketNumber),
  };
}
