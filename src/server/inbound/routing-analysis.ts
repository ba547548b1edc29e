import type { Mailbox } from "@/generated/prisma/client";
import type { InboundWorkspace } from "./ingest";
import type { AutoReplyClassification } from "@/server/email/auto-reply";
import type { ThreadMatch } from "./threading";

export type Routing =
  "created_ticket" | "created_conversation" | "appended" | "reopened" | "held_reply_to_closed_ticket" | "discarded_unmatched" | "already_stored";

/** Mail that no ticket took in: a human has to decide, so the team is told (incoming-mails/notify-job.ts). */
export const NEEDS_AGENT: ReadonlySet<Routing> = new Set(["held_reply_to_closed_ticket", "discarded_unmatched"]);

/**
 * Why an email was routed as it was, as plain data for the incoming-mail log: the header
 * or token that matched and on which ticket, the auto-reply/bulk flags with their reasons, and the
 * workspace policy that decided (null when none did: a plain reply to an open ticket).
 */
export function routingAnalysis(input: {
  routing: Routing;
  ticketId: string | null;
  match: ThreadMatch | null;
  classification: AutoReplyClassification;
  workspace: InboundWorkspace;
  mailbox: Pick<Mailbox, "id" | "address" | "purpose"> | null;
}) {
  const { routing, match, workspace } = input;
  let policyApplied: { closedTicketReply: string } | { unmatchedInbound: string } | null = null;
  if (match?.ticket.status === "closed") policyApplied = { closedTicketReply: workspace.closedTicketReply };
  else if (!match && routing !== "already_stored") policyApplied = { unmatchedInbound: workspace.unmatchedInbound };
  return {
    routing,
    ticketId: input.ticketId,
    matchedBy: match?.matchedBy ?? null,
    matchedOn: match?.matchedOn ?? null,
    matchedTicketNumber: match?.ticket.ticketNumber ?? null,
    mergedFrom: match?.mergedFrom ?? [],
    autoReply: input.classification,
    mailbox: input.mailbox ? { id: input.mailbox.id, address: input.mailbox.address, purpose: input.mailbox.purpose } : null,
    policy: { unmatchedInbound: workspace.unmatchedInbound, closedTicketReply: workspace.closedTicketReply },
    policyApplied,
  };
}
