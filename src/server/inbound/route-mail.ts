import { randomUUID } from "node:crypto";
import type { IncomingMail, Mailbox, Prisma, Workspace } from "@/generated/prisma/client";
import { storedContentType } from "@/server/attachments/content-type";
import { findOrCreateContact } from "@/server/contacts/contacts.service";
import { lockKeys } from "@/server/db/advisory-lock";
import { recordInboundDeliveryReport } from "@/server/delivery/record-delivery-event";
import { enqueueJob, enqueueJobs } from "@/server/jobs/jobs";
import { ticketKindOf } from "@/server/mailboxes/mailbox-purpose";
import { recipientMailbox } from "@/server/mailboxes/recipient-mailbox";
import { createTicketInTx } from "@/server/tickets/create-ticket";
import { appendInboundReply, inboundMessageData, type InboundMessageData } from "@/server/tickets/inbound-message";
import type { AutoReplyClassification } from "@/server/email/auto-reply";
import type { InboundEmail } from "./inbound.schema";
import type { PreparedAttachment } from "./inline-attachments";
import { NEEDS_AGENT, routingAnalysis, type Routing } from "./routing-analysis";
import { findThreadMatch, type ThreadMatch } from "./threading";
import { stripReplyPrefixes } from "@/server/email/subject";

export interface RouteResult {
  ticketId: string | null;
  messageId: string | null;
}

interface Context {
  tx: Prisma.TransactionClient;
  workspace: Workspace;
  mailbox: Mailbox | null;
  email: InboundEmail;
  /** The email's attachments, inline ones already in the attachment store. */
  attachments: PreparedAttachment[];
  log: IncomingMail;
  classification: AutoReplyClassification;
}

/**
 * Routes a logged email into its ticket inside one transaction, and records
 * the follow-up work (automations, confirmation, attachment downloads, telling the team about mail
 * that no ticket took in) as jobs in the same commit.
 * The caller holds the IncomingMail row lock; locks on the thread's Message-IDs make concurrent
 * mails of one thread (a first message and its reply) wait for each other instead of both starting
 * a ticket.
 */
export async function routeIncomingMail(ctx: Context): Promise<RouteResult> {
  const { tx, workspace, email } = ctx;
  await lockKeys(
    tx,
    [email.messageId, ...email.inReplyTo, ...email.references].filter((id) => id !== null).map((id) => `thread:${workspace.id}:${id}`),
  );

  if (email.messageId) {
    // The same Message-ID already stored (e.g. our own reply copied back to a mailbox): nothing to add.
    const stored = await tx.message.findUnique({
      where: { workspaceId_messageIdHeader: { workspaceId: workspace.id, messageIdHeader: email.messageId } },
    });
    if (stored) return finish(ctx, "already_stored", { ticketId: stored.ticketId, messageId: stored.id }, null);
  }

  const match = await findThreadMatch(tx, workspace.id, email);
  if (match) {
    if (match.ticket.status === "closed" && workspace.closedTicketReply === "hold") {
      await linkAttachments(ctx, { ticketId: null, messageId: null });
      return finish(ctx, "held_reply_to_closed_ticket", { ticketId: match.ticket.id, messageId: null }, match);
    }
    const { message, reopened } = await appendInboundReply(tx, { workspaceId: workspace.id, ticket: match.ticket, message: messageData(ctx) });
    await linkAttachments(ctx, { ticketId: match.ticket.id, messageId: message.id });
    return finish(ctx, reopened ? "reopened" : "appended", { ticketId: match.ticket.id, messageId: message.id }, match);
  }

  if (workspace.unmatchedInbound === "discard") {
    await linkAttachments(ctx, { ticketId: null, messageId: null });
    return finish(ctx, "discarded_unmatched", { ticketId: null, messageId: null }, null);
  }
  const mailbox = await resolveMailbox(ctx);
  const contact = await findOrCreateContact(tx, workspace.id, email.from);
  const kind = ticketKindOf(mailbox);
  const { ticket, message } = await createTicketInTx(tx, {
    workspaceId: workspace.id,
    subject: stripReplyPrefixes(email.subject),
    kind,
    contactId: contact.id,
    customerId: contact.customerId,
    mailboxId: mailbox?.id ?? null,
    firstMessage: messageData(ctx),
  });
  await linkAttachments(ctx, { ticketId: ticket.id, messageId: message.id });
  await enqueueJob(tx, {
    workspaceId: workspace.id,
    type: "inbound.new_ticket",
    payload: {
      ticketId: ticket.id,
      messageId: message.id,
      event: kind === "conversation" ? "conversation_created" : "ticket_created",
      isAutoReply: ctx.classification.isAutoReply,
      isBulk: ctx.classification.isBulk,
    },
  });
  return finish(ctx, kind === "conversation" ? "created_conversation" : "created_ticket", { ticketId: ticket.id, messageId: message.id }, null, mailbox);
}

function messageData({ email, log, classification }: Context): InboundMessageData {
  return inboundMessageData(log, { toAddresses: email.recipients, messageIdHeader: email.messageId, isAutoReply: classification.isAutoReply });
}

async function resolveMailbox(ctx: Context): Promise<Mailbox | null> {
  return ctx.mailbox ?? recipientMailbox(ctx.tx, ctx.workspace.id, ctx.email.recipients);
}

/**
 * Attachment rows, in one statement: inline ones already stored (or failed), URL ones pending until
 * the download job stores them (network I/O stays out of the transaction).
 */
async function linkAttachments(ctx: Context, link: { ticketId: string | null; messageId: string | null }) {
  if (ctx.attachments.length === 0) return;
  const base = { workspaceId: ctx.workspace.id, incomingMailId: ctx.log.id, ...link };
  const downloads: string[] = [];
  const rows = ctx.attachments.map((prepared): Prisma.AttachmentCreateManyInput => {
    if (prepared.kind === "stored") {
      const { filename, contentType, size, storageKey } = prepared;
      return { ...base, filename, contentType: storedContentType(contentType), size, storageKey, status: "stored" };
    }
    if (prepared.kind === "failed") {
      const { filename, contentType, size, error } = prepared;
      return { ...base, filename, contentType: storedContentType(contentType), size, error, status: "failed" };
    }
    const { attachment } = prepared;
    // The id is chosen here so the download job can name the row without reading it back.
    const id = randomUUID();
    downloads.push(id);
    return {
      ...base,
      id,
      filename: attachment.filename,
      contentType: storedContentType(attachment.contentType),
      size: attachment.size ?? 0,
      status: "pending",
      sourceUrl: attachment.url,
    };
  });
  await ctx.tx.attachment.createMany({ data: rows });
  await enqueueJobs(
    ctx.tx,
    downloads.map((attachmentId) => ({ workspaceId: ctx.workspace.id, type: "attachment.download" as const, payload: { attachmentId } })),
  );
}

async function finish(ctx: Context, routing: Routing, result: RouteResult, match: ThreadMatch | null, mailbox?: Mailbox | null): Promise<RouteResult> {
  const { tx, workspace, log } = ctx;
  const analysis = routingAnalysis({ routing, ticketId: result.ticketId, match, classification: ctx.classification, workspace, mailbox: mailbox ?? null });
  await tx.incomingMail.update({
    where: { id: log.id },
    data: {
      ticketId: result.ticketId,
      messageId: result.messageId,
      replyToClosedTicket: routing === "held_reply_to_closed_ticket",
      mailboxId: log.mailboxId ?? mailbox?.id ?? null,
      analysis,
      processedAt: new Date(),
      processingError: null,
    },
  });
  if (NEEDS_AGENT.has(routing)) await enqueueJob(tx, { workspaceId: workspace.id, type: "incoming_mail.notify", payload: { incomingMailId: log.id } });
  await recordInboundDeliveryReport(tx, workspace.id, ctx.email);
  return result;
}
