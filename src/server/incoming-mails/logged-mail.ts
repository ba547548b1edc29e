import { z } from "zod";
import type { IncomingMail, Prisma, Ticket } from "@/generated/prisma/client";
import { lockKeys } from "@/server/db/advisory-lock";
import { notFound } from "@/server/errors";
import { parseMailboxList } from "@/server/email/address";
import { classifyAutoReply } from "@/server/email/auto-reply";
import { followMerges } from "@/server/tickets/merge-chain";
import { inboundMessageData, type InboundMessageData } from "@/server/tickets/inbound-message";

const storedHeaders = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

/**
 * The workspace's logged mail, locked for the rest of the transaction (as ingest locks it), so an
 * agent's action and a provider's redelivery, or two clicks, run one after the other.
 */
export async function lockIncomingMail(tx: Prisma.TransactionClient, workspaceId: string, id: string): Promise<IncomingMail> {
  // Not a UUID: it names no row, and PostgreSQL would reject the cast.
  if (!z.uuid().safeParse(id).success) throw notFound("Incoming mail");
  await tx.$queryRaw`SELECT "id" FROM "IncomingMail" WHERE "id" = ${id}::uuid AND "workspaceId" = ${workspaceId}::uuid FOR UPDATE`;
  const mail = await tx.incomingMail.findFirst({ where: { id, workspaceId } });
  if (!mail) throw notFound("Incoming mail");
  return mail;
}

/** The ticket now holding the mail's message, when the mail is already in a thread (routed, converted or added). */
export async function ticketOfStoredMessage(tx: Prisma.TransactionClient, mail: IncomingMail): Promise<string | null> {
  if (!mail.messageId) return null;
  const message = await tx.message.findFirst({ where: { id: mail.messageId, workspaceId: mail.workspaceId }, select: { ticketId: true } });
  return message?.ticketId ?? null;
}

/** The ticket itself, or the one it was merged into (a merged ticket takes no more mail). */
export async function liveTicket(tx: Prisma.TransactionClient, workspaceId: string, ticketId: string): Promise<Ticket | null> {
  const ticket = await tx.ticket.findFirst({ where: { id: ticketId, workspaceId } });
  return ticket && (await followMerges(tx, workspaceId, ticket)).ticket;
}

/**
 * The logged email as an inbound thread message, the auto-reply flag from the stored headers. Its
 * Message-ID goes along unless a message of the workspace already carries it.
 */
export async function loggedMessageData(tx: Prisma.TransactionClient, mail: IncomingMail): Promise<InboundMessageData> {
  let messageIdHeader = mail.messageIdHeader;
  if (messageIdHeader) {
    // The same lock routing takes on a Message-ID, so the check below holds until the commit.
    await lockKeys(tx, [`thread:${mail.workspaceId}:${messageIdHeader}`]);
    const taken = await tx.message.findFirst({ where: { workspaceId: mail.workspaceId, messageIdHeader }, select: { id: true } });
    if (taken) messageIdHeader = null;
  }
  const headers = storedHeaders.safeParse(mail.headers);
  return inboundMessageData(mail, {
    toAddresses: parseMailboxList(mail.recipient).map((m) => m.email),
    messageIdHeader,
    isAutoReply: classifyAutoReply({ headers: headers.success ? headers.data : {}, subject: mail.subject, from: mail.sender }).isAutoReply,
  });
}

/**
 * Moves the mail's attachments into the thread and records the agent's decision on the log row: its
 * ticket and message, no longer a held reply, and in `analysis` who resolved it how; the team's
 * notifications about it are marked read. A mail whose
 * routing never finished is marked processed, so a provider's retry does not route it again.
 */
export async function markResolved(
  tx: Prisma.TransactionClient,
  mail: IncomingMail,
  resolution: { action: "converted_to_ticket" | "added_as_reply"; ticketId: string; messageId: string; userId: string },
) {
  const { action, ticketId, messageId, userId } = resolution;
  await tx.attachment.updateMany({ where: { workspaceId: mail.workspaceId, incomingMailId: mail.id }, data: { ticketId, messageId } });
  const analysis = mail.analysis !== null && typeof mail.analysis === "object" && !Array.isArray(mail.analysis) ? mail.analysis : {};
  const now = new Date();
  await tx.incomingMail.updateMany({
    where: { id: mail.id, workspaceId: mail.workspaceId },
    data: {
      ticketId,
      messageId,
      replyToClosedTicket: false,
      processedAt: mail.processedAt ?? now,
      processingError: null,
      analysis: { ...analysis, resolution: { action, ticketId, userId, at: now.toISOString() } },
    },
  });
  // Dealt with: nobody's bell asks for it any more.
  await tx.notification.updateMany({ where: { workspaceId: mail.workspaceId, incomingMailId: mail.id, readAt: null }, data: { readAt: now } });
}
