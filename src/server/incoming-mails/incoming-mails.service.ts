import type { IncomingMail, Prisma } from "@/generated/prisma/client";
import { attachmentStore } from "@/server/attachments/attachment-store";
import type { WorkspaceAccess } from "@/server/auth/access";
import type { Db } from "@/server/db";
import { lockIncomingMail } from "./logged-mail";
import { INCOMING_MAILS_PER_PAGE, type ListIncomingMailsInput } from "./incoming-mails.schema";

/** The public shape of a logged email. */
export function presentIncomingMail(mail: IncomingMail) {
  return {
    id: mail.id,
    message_id: mail.messageIdHeader,
    sender: mail.sender,
    recipient: mail.recipient,
    subject: mail.subject,
    body: mail.body,
    ticket_id: mail.ticketId,
    reply_to_closed_ticket: mail.replyToClosedTicket,
    analysis: mail.analysis,
    notified: mail.notified,
    created_at: mail.createdAt.toISOString(),
    updated_at: mail.updatedAt.toISOString(),
  };
}
export type IncomingMailDto = ReturnType<typeof presentIncomingMail>;

/** A page of the workspace's receive log, newest first, and the total across pages. */
export async function listIncomingMails(db: Db, access: WorkspaceAccess, input: ListIncomingMailsInput) {
  const workspaceId = access.workspace.id;
  const where: Prisma.IncomingMailWhereInput = {
    workspaceId,
    ...(input.filter === "out_ticket" ? { ticketId: null } : {}),
    ...(input.filter === "reply_to_closed_ticket" ? { replyToClosedTicket: true } : {}),
  };
  const [mails, total] = await Promise.all([
    db.incomingMail.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: INCOMING_MAILS_PER_PAGE,
      skip: (input.page - 1) * INCOMING_MAILS_PER_PAGE,
    }),
    db.incomingMail.count({ where }),
  ]);
  return { mails: mails.map(presentIncomingMail), total };
}

/**
 * Removes a mail from the log, with what only the log held: its attachments that never reached a
 * ticket (their stored files too, after the commit) and the notifications about it.
 */
export async function deleteIncomingMail(db: Db, access: WorkspaceAccess, id: string) {
  const workspaceId = access.workspace.id;
  const orphans = await db.$transaction(async (tx) => {
    const mail = await lockIncomingMail(tx, workspaceId, id);
    const attachments = await tx.attachment.findMany({ where: { workspaceId, incomingMailId: mail.id, ticketId: null } });
    await tx.attachment.deleteMany({ where: { workspaceId, id: { in: attachments.map((a) => a.id) } } });
    await tx.notification.deleteMany({ where: { workspaceId, incomingMailId: mail.id } });
    await tx.incomingMail.deleteMany({ where: { id: mail.id, workspaceId } });
    return attachments;
  });
  // Best effort: a file left behind is unreachable, never wrong.
  for (const { storageKey } of orphans)
    if (storageKey)
      await attachmentStore()
        .delete(storageKey)
        .catch(() => undefined);
  return { message: "Incoming mail deleted" };
}
