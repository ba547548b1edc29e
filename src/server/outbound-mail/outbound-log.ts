import type { OutboundEmail, Prisma } from "@/generated/prisma/client";
import type { WorkspaceAccess } from "@/server/auth/access";
import type { Db } from "@/server/db";
import type { ListOutboundEmailsInput } from "./outbound-log.schema";

/**
 * The public shape of a sent or recorded email. `messageId` is its RFC 5322 Message-ID (stored
 * without angle brackets, as every Message-ID in the API is), not the id of the ticket message.
 */
export function presentOutboundEmail(email: OutboundEmail) {
  return {
    id: email.id,
    kind: email.kind,
    ticketId: email.ticketId,
    fromAddress: email.fromAddress,
    toAddress: email.toAddress,
    ccAddresses: email.ccAddresses,
    subject: email.subject,
    bodyText: email.bodyText,
    messageId: email.messageIdHeader,
    inReplyTo: email.inReplyTo,
    status: email.status,
    providerId: email.providerId,
    error: email.error,
    createdAt: email.createdAt.toISOString(),
    sentAt: email.sentAt?.toISOString() ?? null,
  };
}
export type OutboundEmailDto = ReturnType<typeof presentOutboundEmail>;

/** A page of the workspace's outgoing mail, newest first, optionally for one recipient or kind. */
export async function listOutboundEmails(db: Db, access: WorkspaceAccess, input: ListOutboundEmailsInput) {
  const workspaceId = access.workspace.id;
  const where: Prisma.OutboundEmailWhereInput = {
    workspaceId,
    ...(input.to ? { toAddress: input.to } : {}),
    ...(input.kind ? { kind: input.kind } : {}),
  };
  const [emails, total] = await Promise.all([
    db.outboundEmail.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: input.limit, skip: input.offset }),
    db.outboundEmail.count({ where }),
  ]);
  return { emails: emails.map(presentOutboundEmail), total };
}
