import type { IncomingMail, Message, Prisma, Ticket } from "@/generated/prisma/client";
import { findOrCreateContact } from "@/server/contacts/contacts.service";
import { stripQuotedHistory } from "@/server/email/quote-strip";

/** An inbound email as a thread message. */
export interface InboundMessageData {
  direction: "inbound";
  fromAddress: string;
  fromName: string | null;
  toAddresses: string[];
  subject: string;
  bodyText: string;
  bodyTextFull: string;
  bodyHtml: string | null;
  messageIdHeader: string | null;
  inReplyTo: string | null;
  references: string[];
  isAutoReply: boolean;
}

/**
 * A logged email as an inbound thread message: sender, subject and thread headers from its receive-log
 * row, the displayed body without the quoted history (the full text kept), the text and sanitized HTML
 * as converted once when it was logged. Routing (as the mail arrives) and an agent filing it from the
 * log later both build it here; `known` is what each knows beyond the row: the recipients, the
 * Message-ID the message may carry, whether it is an auto-reply.
 */
export function inboundMessageData(
  mail: IncomingMail,
  known: { toAddresses: string[]; messageIdHeader: string | null; isAutoReply: boolean },
): InboundMessageData {
  return {
    direction: "inbound",
    fromAddress: mail.sender,
    fromName: mail.senderName,
    toAddresses: known.toAddresses,
    subject: mail.subject,
    bodyText: stripQuotedHistory(mail.body, { subject: mail.subject }),
    bodyTextFull: mail.body,
    bodyHtml: mail.bodyHtml,
    messageIdHeader: known.messageIdHeader,
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    isAutoReply: known.isAutoReply,
  };
}

/**
 * Appends an inbound email to a ticket: finds or creates the sender's contact, counts the exchange
 * and cancels a scheduled closure. A customer's reply reopens a pending or closed ticket; an
 * auto-reply (an out-of-office answer) does not. Shared by inbound routing and by an agent adding a
 * held mail from the log, so both leave the same trace.
 */
export async function appendInboundReply(
  tx: Prisma.TransactionClient,
  reply: { workspaceId: string; ticket: Ticket; message: InboundMessageData },
): Promise<{ message: Message; reopened: boolean }> {
  const { workspaceId, ticket } = reply;
  const contact = await findOrCreateContact(tx, workspaceId, { email: reply.message.fromAddress, name: reply.message.fromName });
  const message = await tx.message.create({ data: { ...reply.message, workspaceId, ticketId: ticket.id } });
  const reopened = ticket.status !== "open" && !reply.message.isAutoReply;
  await tx.ticket.update({
    where: { id: ticket.id },
    data: {
      lastActivityAt: message.createdAt,
      exchangeCount: { increment: 1 },
      closureScheduledAt: null,
      ...(reopened ? { status: "open" } : {}),
      contactId: ticket.contactId ?? contact.id,
    },
  });
  if (reopened) {
    await tx.activityEvent.create({
      data: { workspaceId, ticketId: ticket.id, type: "status_changed", data: { from: ticket.status, to: "open", reason: "customer_reply" } },
    });
  }
  return { message, reopened };
}
