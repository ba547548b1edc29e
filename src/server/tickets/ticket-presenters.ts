import type { Attachment } from "@/generated/prisma/client";
import type { ActivityRow, MessageRow } from "./ticket-thread";

export function presentAttachment(attachment: Attachment) {
  return {
    id: attachment.id,
    filename: attachment.filename,
    contentType: attachment.contentType,
    size: attachment.size,
    status: attachment.status,
    messageId: attachment.messageId,
    ticketId: attachment.ticketId,
    error: attachment.error,
    contentId: attachment.contentId,
    createdAt: attachment.createdAt.toISOString(),
  };
}

export function presentMessage(message: MessageRow) {
  return {
    id: message.id,
    ticketId: message.ticketId,
    direction: message.direction,
    isInternal: message.direction === "note",
    author: message.author,
    fromAddress: message.fromAddress,
    fromName: message.fromName,
    toAddresses: message.toAddresses,
    ccAddresses: message.ccAddresses,
    subject: message.subject,
    body: message.bodyText,
    bodyFull: message.bodyTextFull,
    bodyHtml: message.bodyHtml,
    messageIdHeader: message.messageIdHeader,
    inReplyTo: message.inReplyTo,
    references: message.references,
    isAutoReply: message.isAutoReply,
    deliveryStatus: message.deliveryStatus,
    /** Until then the reply waits in its undo window and can be taken back; null once it may go out. */
    scheduledSendAt: message.scheduledSendAt && message.deliveryStatus === "recorded" ? message.scheduledSendAt.toISOString() : null,
    outboundEmails: message.outboundEmails,
    // Already in presentAttachment's shape: the SQL writes it.
    attachments: message.attachments,
    createdAt: message.createdAt.toISOString(),
  };
}

export function presentActivity(event: ActivityRow) {
  return { id: event.id, type: event.type, actor: event.actor, data: event.data, createdAt: event.createdAt.toISOString() };
}
