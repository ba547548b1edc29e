import type { OutboundEmail } from "@/generated/prisma/client";
import { singleLineText } from "@/server/email/header-text";
import { stripReplyPrefixes } from "@/server/email/subject";
import { threadIndex, type ThreadOrigin } from "@/server/email/thread-index";

// RFC 3834 §5: a confirmation or an automated response answers a message; a notification is
// generated. Either way, Exchange and Outlook send no out-of-office or other auto-reply back to it.
const AUTO_SUBMITTED: Partial<Record<OutboundEmail["kind"], string>> = {
  confirmation: "auto-replied",
  automated_response: "auto-replied",
  notification: "auto-generated",
  survey: "auto-generated",
};

/**
 * The headers an email carries besides addresses, subject and the RFC 5322 threading ids:
 * `Auto-Submitted` and `X-Auto-Response-Suppress` on automated mail, and on a ticket's mail
 * Outlook's `Thread-Topic` (the subject without prefixes or ticket token) and `Thread-Index`
 * (fixed by the ticket, see thread-index.ts), by which Outlook threads what it cannot by References.
 */
export function mailHeaders(email: Pick<OutboundEmail, "kind" | "subject" | "inReplyTo" | "messageIdHeader" | "createdAt">, ticket: ThreadOrigin | null) {
  const headers: Record<string, string> = {};
  const autoSubmitted = AUTO_SUBMITTED[email.kind];
  if (autoSubmitted) {
    headers["Auto-Submitted"] = autoSubmitted;
    headers["X-Auto-Response-Suppress"] = "All";
  }
  if (ticket) {
    headers["Thread-Topic"] = singleLineText(stripReplyPrefixes(email.subject));
    headers["Thread-Index"] = threadIndex(ticket, email.inReplyTo ? { sentAt: email.createdAt, messageId: email.messageIdHeader } : undefined);
  }
  return headers;
}
