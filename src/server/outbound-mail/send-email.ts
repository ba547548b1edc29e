import type { Mailbox, OutboundEmail, OutboundEmailKind, Prisma } from "@/generated/prisma/client";
import { appConfig } from "@/env";
import type { Db } from "@/server/db";
import { isUniqueViolation } from "@/server/errors";
import { emailDomain, parseMailbox } from "@/server/email/address";
import { capReferences, formatMessageId, generateMessageId } from "@/server/email/message-id";
import { singleLineText } from "@/server/email/header-text";
import { smtpTransport } from "./transport";

export interface OutgoingEmail {
  workspaceId: string;
  kind: OutboundEmailKind;
  to: string;
  cc?: string[];
  subject: string;
  text: string;
  html?: string | null;
  ticketId?: string | null;
  messageId?: string | null;
  inReplyTo?: string | null;
  references?: string[];
  /** Sender mailbox; the workspace's default sendable one when omitted. */
  mailbox?: Mailbox | null;
  /** Sending again with the same key sends nothing and answers the first email. */
  dedupeKey?: string;
  /** The Message-ID to use, when the caller already stored it on a thread message. */
  messageIdHeader?: string;
}

/** The app client, or a transaction (recordEmail can run inside the caller's transaction). */
type DbOrTx = Db | Prisma.TransactionClient;

export async function senderMailbox(db: DbOrTx, workspaceId: string, preferred?: Mailbox | null) {
  if (preferred?.sendable) return preferred;
  return db.mailbox.findFirst({ where: { workspaceId, sendable: true }, orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }] });
}

export interface SendResult {
  outbound: OutboundEmail;
  /** False when the dedupe key found an earlier email: nothing was recorded or sent this time. */
  created: boolean;
  sent: boolean;
}

/**
 * Records an email in OutboundEmail with its own Message-ID (so replies to it thread back), without
 * sending it. With a dedupe key, a second call (a retried job) finds the first and records nothing.
 * Callers that must decide and record atomically (the automated-response cooldown) pass their
 * transaction and call deliverEmail after the commit.
 */
export async function recordEmail(db: DbOrTx, email: OutgoingEmail): Promise<{ outbound: OutboundEmail; created: boolean; mailbox: Mailbox | null }> {
  if (email.dedupeKey) {
    const earlier = await db.outboundEmail.findUnique({ where: { dedupeKey: email.dedupeKey } });
    if (earlier) return { outbound: earlier, created: false, mailbox: null };
  }
  const mailbox = await senderMailbox(db, email.workspaceId, email.mailbox);
  const fromAddress = mailbox?.address ?? "no-reply@threadline.invalid";
  const messageIdHeader = email.messageIdHeader ?? generateMessageId(emailDomain(fromAddress) ?? "threadline.invalid");
  try {
    const outbound = await db.outboundEmail.create({
      data: {
        workspaceId: email.workspaceId,
        ticketId: email.ticketId ?? null,
        messageId: email.messageId ?? null,
        mailboxId: mailbox?.id ?? null,
        kind: email.kind,
        fromAddress,
        toAddress: email.to.toLowerCase(),
        ccAddresses: email.cc ?? [],
        // Stored as sent: one line, whatever the ticket subject or template held.
        subject: singleLineText(email.subject),
        bodyText: email.text,
        bodyHtml: email.html ?? null,
        messageIdHeader,
        inReplyTo: email.inReplyTo ?? null,
        references: capReferences(email.references ?? []),
        dedupeKey: email.dedupeKey ?? null,
      },
    });
    return { outbound, created: true, mailbox };
  } catch (error) {
    if (email.dedupeKey && isUniqueViolation(error)) {
      return { outbound: await db.outboundEmail.findUniqueOrThrow({ where: { dedupeKey: email.dedupeKey } }), created: false, mailbox: null };
    }
    throw error;
  }
}

/**
 * An address as a nodemailer address object, which nodemailer never splits into a list (a string
 * would be parsed as one): exactly one bare address, or the send fails.
 */
function singleAddress(raw: string): { name: string; address: string } {
  const mailbox = parseMailbox(raw);
  if (!mailbox || mailbox.name !== null || mailbox.email !== raw.trim().toLowerCase()) throw new Error(`Not a single email address: ${JSON.stringify(raw)}`);
  return { name: "", address: mailbox.email };
}

/**
 * Sends a recorded email through SMTP when SMTP_URL is set, and marks it sent or failed. Every
 * header comes from a structured value nodemailer encodes (address objects, ids, a one-line
 * subject); recipients only from the recorded To and Cc.
 */
export async function deliverEmail(db: Db, recorded: OutboundEmail, mailbox: Mailbox | null): Promise<SendResult> {
  let outbound = recorded;
  const transport = smtpTransport();
  if (!transport) return { outbound, created: true, sent: false };
  try {
    const from = singleAddress(outbound.fromAddress).address;
    const to = singleAddress(outbound.toAddress);
    const cc = outbound.ccAddresses.map(singleAddress);
    const info = (await transport.sendMail({
      envelope: { from, to: [to.address, ...cc.map((entry) => entry.address)] },
      from: { name: mailbox ? singleLineText(mailbox.name) : "", address: from },
      to,
      cc,
      subject: singleLineText(outbound.subject),
      text: outbound.bodyText,
      html: outbound.bodyHtml ?? undefined,
      messageId: formatMessageId(outbound.messageIdHeader),
      inReplyTo: outbound.inReplyTo ? formatMessageId(outbound.inReplyTo) : undefined,
      references: capReferences(outbound.references).map(formatMessageId),
    })) as { messageId?: string };
    outbound = await db.outboundEmail.update({
      where: { id: outbound.id },
      data: { status: "sent", sentAt: new Date(), providerId: info.messageId ?? null },
    });
    return { outbound, created: true, sent: true };
  } catch (error) {
    outbound = await db.outboundEmail.update({
      where: { id: outbound.id },
      data: { status: "failed", error: error instanceof Error ? error.message : String(error) },
    });
    return { outbound, created: true, sent: false };
  }
}

/**
 * Sends the email recorded under the dedupe key unless it was sent (or tried) already. Its
 * `recorder` sends it right after the commit that recorded it; another run of the same work (a
 * retried job) sends it only once the recorder is presumed dead — the email is older than a job
 * lease — and otherwise throws, so that its job is retried later. Null when no email has the key.
 */
export async function deliverRecordedEmail(db: Db, dedupeKey: string, { recorder }: { recorder: boolean }): Promise<OutboundEmail | null> {
  const recorded = await db.outboundEmail.findUnique({ where: { dedupeKey }, include: { mailbox: true } });
  if (!recorded) return null;
  const { mailbox, ...outbound } = recorded;
  if (outbound.status !== "recorded" || !smtpTransport()) return outbound;
  if (!recorder && Date.now() - outbound.createdAt.getTime() < appConfig().JOB_LEASE_MS) {
    throw new Error(`Email ${outbound.id} was recorded moments ago; its recorder is sending it`);
  }
  return (await deliverEmail(db, outbound, mailbox)).outbound;
}

/**
 * Records the email, then sends it (see recordEmail and deliverEmail). A second call with the same
 * dedupe key records nothing; it sends the first email only if that one was never sent.
 */
export async function sendEmail(db: Db, email: OutgoingEmail): Promise<SendResult> {
  const { outbound, created, mailbox } = await recordEmail(db, email);
  if (created) return deliverEmail(db, outbound, mailbox);
  if (outbound.status !== "recorded" || !email.dedupeKey) return { outbound, created: false, sent: false };
  const delivered = (await deliverRecordedEmail(db, email.dedupeKey, { recorder: false })) ?? outbound;
  return { outbound: delivered, created: false, sent: delivered.status === "sent" };
}
