import type { ActivityEvent, Attachment, Prisma } from "@/generated/prisma/client";

export const messageInclude = {
  author: { select: { id: true, email: true, name: true } },
  attachments: { orderBy: { createdAt: "asc" } },
  outboundEmails: { select: { id: true, status: true, toAddress: true }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.MessageInclude;

type MessageWithRelations = Prisma.MessageGetPayload<{ include: typeof messageInclude }>;

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
    createdAt: attachment.createdAt.toISOString(),
  };
}

export function presentMessage(message: MessageWithRelations) {
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
    outboundEmails: message.outboundEmails,
    attachments: message.attachments.map(presentAttachment),
    createdAt: message.createdAt.toISOString(),
  };
}

export function presentActivity(event: ActivityEvent & { actor: { id: string; email: string; name: string | null } | null }) {
  return { id: event.id, type: event.type, actor: event.actor, data: event.data, createdAt: event.createdAt.toISOString() };
}
