import type { WorkspaceAccess } from "@/server/auth/access";
import { refreshTicketSla } from "@/server/sla/ticket-sla";
import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { saveTicketDraft, type DraftDto } from "./ticket-drafts";
import { findTicket } from "./tickets.service";

/**
 * Takes back the caller's emailed reply while its send job still waits unclaimed (the undo window):
 * the job is cancelled by one conditional DELETE, so a worker that claimed it first wins and the
 * undo answers 409. The message, its email and its timeline entry go; its text, recipients and
 * files become the caller's draft on the ticket, which is answered.
 */
export async function undoReply(db: Db, access: WorkspaceAccess, ticketId: string, messageId: string): Promise<DraftDto> {
  const workspaceId = access.workspace.id;
  await findTicket(db, workspaceId, ticketId);
  return db.$transaction(async (tx) => {
    const message = await tx.message.findFirst({
      where: { id: messageId, ticketId, workspaceId, direction: "outbound", authorUserId: access.user.id },
      include: { outboundEmails: { select: { id: true } }, attachments: { select: { id: true } } },
    });
    if (!message) throw notFound("Reply");
    const emailIds = message.outboundEmails.map((email) => email.id);
    const cancelled = await tx.$executeRaw`
      DELETE FROM "Job"
      WHERE "workspaceId" = ${workspaceId}::uuid AND "type" = 'email.send' AND "status" = 'pending' AND "attempts" = 0 AND "lockedUntil" IS NULL
        AND "payload"->>'outboundEmailId' = ANY(${emailIds}::text[])`;
    if (emailIds.length === 0 || cancelled !== emailIds.length) throw new AppError("CONFLICT", "This reply was already sent; it can no longer be undone");
    await tx.outboundEmail.deleteMany({ where: { id: { in: emailIds }, workspaceId } });
    await tx.activityEvent.deleteMany({ where: { ticketId, workspaceId, type: "replied", data: { path: ["messageId"], equals: messageId } } });
    // Its files become unused uploads of the ticket again (Attachment.messageId is set null), for the draft.
    await tx.message.delete({ where: { id: message.id } });
    await refreshTicketSla(tx, workspaceId, ticketId);
    return saveTicketDraft(tx, access, ticketId, {
      mode: "reply",
      body: message.bodyText,
      toAddresses: message.toAddresses,
      ccAddresses: message.ccAddresses,
      attachmentIds: message.attachments.map((attachment) => attachment.id),
    });
  });
}
