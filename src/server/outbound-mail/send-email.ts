import { randomUUID } from "node:crypto";
import type { Mailbox, OutboundEmail, OutboundEmailKind, Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { emailDomain, parseMailbox } from "@/server/email/address";
import { capReferences, formatMessageId, generateMessageId } from "@/server/email/message-id";
import { singleLineText } from "@/server/email/header-text";
import { enqueueJob } from "@/server/jobs/jobs";
import type { ThreadOrigin } from "@/server/email/thread-index";
import { mailHeaders } from "./mail-headers";
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
  /** Not sent before then (an agent's reply in its undo window); at once when omitted. */
  sendAfter?: Date | null;
}

export async function senderMailbox(db: Db | Prisma.TransactionClient, workspaceId: string, preferred?: Mailbox | null) {
  if (preferred?.sendable) return preferred;
  return db.mailbox.findFirst({ where: { workspaceId, sendable: true }, orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }] });
}

/**
 * The mailbox an answer to a customer comes from: the sendable mailbox their message was addressed
 * to (the first of its recipients that is one), else the ticket's, else the workspace's default.
 */
export async function replyMailbox(db: Db | Prisma.TransactionClient, workspaceId: string, ticketMailboxId: string | null, addressedTo: readonly string[]) {
  const addresses = addressedTo.map((address) => address.toLowerCase());
  const candidates = await db.mailbox.findMany({
    where: { workspaceId, sendable: true, OR: [{ address: { in: addresses } }, ...(ticketMailboxId ? [{ id: ticketMailboxId }] : [])] },
  });
  const addressed = addresses.map((address) => candidates.find((mailbox) => mailbox.address === address)).find((mailbox) => mailbox !== undefined);
  return addressed ?? candidates.find((mailbox) => mailbox.id === ticketMailboxId) ?? senderMailbox(db, workspaceId);
}

/**
 * Records an email in OutboundEmail with its own Message-ID (so replies to it thread back), and in
 * the same transaction the job that sends it: an email exists exactly when the change that wrote it
 * committed, and goes out once even if the process dies right after. With a dedupe key, a second
 * call (a retried job) finds the first and records nothing.
 */
export async function recordEmail(tx: Prisma.TransactionClient, email: OutgoingEmail): Promise<{ outbound: OutboundEmail; created: boolean }> {
  if (email.dedupeKey) {
    const earlier = await tx.outboundEmail.findUnique({ where: { dedupeKey: email.dedupeKey } });
    if (earlier) return { outbound: earlier, created: false };
  }
  const mailbox = await senderMailbox(tx, email.workspaceId, email.mailbox);
  const outbound = await tx.outboundEmail.create({ data: outboundEmailRow(email, mailbox) });
  await enqueueJob(tx, {
    workspaceId: email.workspaceId,
    type: "email.send",
    payload: { outboundEmailId: outbound.id },
    ...(email.sendAfter ? { runAfter: email.sendAfter } : {}),
  });
  return { outbound, created: true };
}

/** A sender mailbox as an email row needs it. */
export type SenderMailbox = Pick<Mailbox, "id" | "address">;

/**
 * The OutboundEmail row of an email from the given sender mailbox (none: the no-reply address),
 * with its own Message-ID; recordEmail writes it, and so do the set-based writers of several at once.
 */
export function outboundEmailRow(email: OutgoingEmail, mailbox: SenderMailbox | null) {
  const fromAddress = mailbox?.address ?? "no-reply@threadline.invalid";
  return {
    id: randomUUID(),
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
    messageIdHeader: email.messageIdHeader ?? generateMessageId(emailDomain(fromAddress) ?? "threadline.invalid"),
    inReplyTo: email.inReplyTo ?? null,
    references: capReferences(email.references ?? []),
    dedupeKey: email.dedupeKey ?? null,
  };
}
export type OutboundEmailRow = ReturnType<typeof outboundEmailRow>;

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
 * subject, the fixed values of mail-headers.ts); recipients only from the recorded To and Cc.
 * Only the send job calls it, with the email's ticket, if any.
 */
export async function deliverEmail(db: Db, recorded: OutboundEmail, mailbox: Mailbox | null, ticket: ThreadOrigin | null): Promise<OutboundEmail> {
  const transport = smtpTransport();
  if (!transport) return recorded;
  try {
    const from = singleAddress(recorded.fromAddress).address;
    const to = singleAddress(recorded.toAddress);
    const cc = recorded.ccAddresses.map(singleAddress);
    const info = (await transport.sendMail({
      envelope: { from, to: [to.address, ...cc.map((entry) => entry.address)] },
      from: { name: mailbox ? singleLineText(mailbox.name) : "", address: from },
      to,
      cc,
      subject: singleLineText(recorded.subject),
      text: recorded.bodyText,
      html: recorded.bodyHtml ?? undefined,
      messageId: formatMessageId(recorded.messageIdHeader),
      inReplyTo: recorded.inReplyTo ? formatMessageId(recorded.inReplyTo) : undefined,
      references: capReferences(recorded.references).map(formatMessageId),
      headers: mailHeaders(recorded, ticket),
    })) as { messageId?: string };
    return await db.outboundEmail.update({
      where: { id: recorded.id },
      data: { status: "sent", sentAt: new Date(), providerId: info.messageId ?? null },
    });
  } catch (error) {
    return db.outboundEmail.update({
      where: { id: recorded.id },
      data: { status: "failed", error: error instanceof Error ? error.message : String(error) },
    });
  }
}
