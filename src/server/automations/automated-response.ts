import type { Mailbox, Prisma } from "@/generated/prisma/client";
import { lockKeys } from "@/server/db/advisory-lock";
import { recordEmail, senderMailbox } from "@/server/outbound-mail/send-email";
import { isSuppressed } from "@/server/outbound-mail/suppression";

export const AUTOMATED_RESPONSE_COOLDOWN_MS = 60 * 60_000;

export interface AutomatedResponse {
  workspaceId: string;
  ruleId: string;
  ticketId: string;
  /** The ticket's mailbox; the workspace's default sendable one is used when it cannot send. */
  mailbox: Mailbox | null;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** The inbound message answered, for In-Reply-To and References. */
  inReplyTo: string | null;
  references: string[];
}

export type ResponseOutcome =
  | { status: "recorded"; outboundEmailId: string; to: string }
  | { status: "skipped"; reason: "suppressed" | "cooldown" | "already_sent" | "no_sendable_mailbox"; to: string };

/** The key of a rule's response to a ticket: one response per rule and ticket, however often the rule runs. */
export const automatedResponseKey = (ruleId: string, ticketId: string) => `automation:${ruleId}:${ticketId}`;

/**
 * Records an automated response, in the caller's transaction, unless any automated response went
 * to the same address in this workspace within the last 60 minutes, delivered or not. The check and
 * the record happen under an advisory lock on the recipient, so two rules, two emails or two app
 * instances at once cannot both pass the check. Its send job commits with it.
 */
export async function recordAutomatedResponse(tx: Prisma.TransactionClient, response: AutomatedResponse): Promise<ResponseOutcome> {
  const to = response.to.trim().toLowerCase();
  if (await isSuppressed(tx, response.workspaceId, to)) return { status: "skipped", reason: "suppressed", to };
  const mailbox = await senderMailbox(tx, response.workspaceId, response.mailbox);
  if (!mailbox) return { status: "skipped", reason: "no_sendable_mailbox", to };
  const dedupeKey = automatedResponseKey(response.ruleId, response.ticketId);

  await lockKeys(tx, [`automated:${response.workspaceId}:${to}`]);
  if (await tx.outboundEmail.findUnique({ where: { dedupeKey }, select: { id: true } })) return { status: "skipped", reason: "already_sent", to };
  const recent = await tx.outboundEmail.findFirst({
    where: {
      workspaceId: response.workspaceId,
      toAddress: to,
      kind: "automated_response",
      createdAt: { gte: new Date(Date.now() - AUTOMATED_RESPONSE_COOLDOWN_MS) },
    },
    select: { id: true },
  });
  if (recent) return { status: "skipped", reason: "cooldown", to };
  const { outbound } = await recordEmail(tx, {
    workspaceId: response.workspaceId,
    kind: "automated_response",
    to,
    subject: response.subject,
    text: response.text,
    html: response.html,
    ticketId: response.ticketId,
    mailbox,
    inReplyTo: response.inReplyTo,
    references: response.references,
    dedupeKey,
  });
  return { status: "recorded", outboundEmailId: outbound.id, to };
}
