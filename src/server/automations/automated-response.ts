import type { Mailbox } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { lockKeys } from "@/server/db/advisory-lock";
import { deliverEmail, recordEmail, senderMailbox } from "@/server/outbound-mail/send-email";
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
  | { status: "sent" | "recorded" | "failed"; outboundEmailId: string; to: string }
  | { status: "skipped"; reason: "suppressed" | "cooldown" | "already_sent" | "no_sendable_mailbox"; to: string };

/**
 * Sends an automated response unless any automated response went to the same address in this
 * workspace within the last 60 minutes, delivered or not. The check and the record happen in one
 * transaction under an advisory lock on the recipient, so two rules, two emails or two app
 * instances at once cannot both pass the check; SMTP runs after the commit. The dedupe key makes a
 * retried job find its first email instead of sending again.
 */
export async function sendAutomatedResponse(db: Db, response: AutomatedResponse): Promise<ResponseOutcome> {
  const to = response.to.trim().toLowerCase();
  if (await isSuppressed(db, response.workspaceId, to)) return { status: "skipped", reason: "suppressed", to };
  const mailbox = await senderMailbox(db, response.workspaceId, response.mailbox);
  if (!mailbox) return { status: "skipped", reason: "no_sendable_mailbox", to };
  const dedupeKey = `automation:${response.ruleId}:${response.ticketId}`;

  const recorded = await db.$transaction(async (tx) => {
    await lockKeys(tx, [`automated:${response.workspaceId}:${to}`]);
    if (await tx.outboundEmail.findUnique({ where: { dedupeKey }, select: { id: true } })) return "already_sent" as const;
    const recent = await tx.outboundEmail.findFirst({
      where: {
        workspaceId: response.workspaceId,
        toAddress: to,
        kind: "automated_response",
        createdAt: { gte: new Date(Date.now() - AUTOMATED_RESPONSE_COOLDOWN_MS) },
      },
      select: { id: true },
    });
    if (recent) return "cooldown" as const;
    return recordEmail(tx, {
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
  });
  if (typeof recorded === "string") return { status: "skipped", reason: recorded, to };

  const { outbound, sent } = await deliverEmail(db, recorded.outbound, recorded.mailbox);
  const status = sent ? "sent" : outbound.status === "failed" ? "failed" : "recorded";
  return { status, outboundEmailId: outbound.id, to };
}
