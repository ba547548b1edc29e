import type { Prisma } from "@/generated/prisma/client";
import type { WorkspaceAccess } from "@/server/auth/access";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { emailDomain } from "@/server/email/address";
import { sanitizeEmailHtml } from "@/server/email/html";
import { generateMessageId, replyReferences } from "@/server/email/message-id";
import { replySubject } from "@/server/email/subject";
import { enqueueJob } from "@/server/jobs/jobs";
import { assignableUserIds } from "@/server/members/assignees";
import { mentionedUserIds } from "@/server/notifications/mentions";
import { mentionNotice } from "@/server/notifications/ticket-notices";
import { withQuotedHistory } from "@/server/outbound-mail/quoted-reply";
import { recordEmail, replyMailbox } from "@/server/outbound-mail/send-email";
import { refreshTicketSla } from "@/server/sla/ticket-sla";
import { recordActivity } from "./activity";
import { refuseStaleReply } from "./stale-reply";
import { applyStatusChange } from "./ticket-status";
import { presentMessage } from "./ticket-presenters";
import { messageRows } from "./ticket-thread";
import { findTicket } from "./tickets.service";
import type { AddMessageInput } from "./tickets.schema";

/**
 * An agent's reply or internal note; the members a note mentions (`<@user id>`) are told by a job. With `sendEmail` (not for notes) the reply goes to the contact,
 * or the given addresses, threaded under the last inbound message (In-Reply-To, References), as
 * `Re: [#n] subject`, from the mailbox that message was addressed to, with that message quoted below
 * the answer; it is recorded in OutboundEmail under the message's own Message-ID.
 * The message, the email and its send job commit together: the job sends it (the caller wakes the
 * job worker), so a crash after the commit delays the email but never loses it. The job waits the
 * workspace's undo window first (`scheduledSendAt`), during which undoReply can take the reply back.
 * With `lastSeenMessageId` a reply is refused when the thread moved on meanwhile (refuseStaleReply);
 * notes are never refused. The caller's draft on the ticket goes with the commit, and so does the
 * status change `statusAfter` asks for ("send and close"), when the ticket is not in it already.
 */
export async function addTicketMessage(db: Db, access: WorkspaceAccess, ticketId: string, input: AddMessageInput) {
  const workspaceId = access.workspace.id;
  const message = await db.$transaction(async (tx) => {
    const created = await addMessageInTx(tx, access, ticketId, input);
    await tx.ticketDraft.deleteMany({ where: { userId: access.user.id, ticketId, workspaceId } });
    return created;
  });
  const [row] = await messageRows(db, workspaceId, { messageId: message.id });
  return presentMessage(row!);
}

/** addTicketMessage's work inside the caller's transaction (a macro's reply or note); the draft stays. */
export async function addMessageInTx(tx: Prisma.TransactionClient, access: WorkspaceAccess, ticketId: string, input: AddMessageInput) {
  const workspaceId = access.workspace.id;
  const ticket = await findTicket(tx, workspaceId, ticketId);
  if (ticket.status === "merged") throw new AppError("CONFLICT", "This ticket was merged; reply on the ticket it was merged into");
  const isNote = input.isInternal;
  const send = input.sendEmail && !isNote;
  const to = input.toAddresses?.length ? input.toAddresses : ticket.contact ? [ticket.contact.email] : [];
  if (send && to.length === 0)
    throw new AppError("VALIDATION", "The ticket has no contact to email", { fields: { toAddresses: "required: the ticket has no contact" } });

  const lastInbound = await tx.message.findFirst({ where: { ticketId, workspaceId, direction: "inbound" }, orderBy: { createdAt: "desc" } });
  const mailbox = send ? await replyMailbox(tx, workspaceId, ticket.mailboxId, lastInbound?.toAddresses ?? []) : null;
  const references = lastInbound?.messageIdHeader ? replyReferences(lastInbound) : [];
  const subject = replySubject(ticket.subject, ticket.ticketNumber);

  const undoSeconds = send ? access.workspace.undoSendSeconds : 0;
  if (input.lastSeenMessageId && !isNote) await refuseStaleReply(tx, access, ticketId, input.lastSeenMessageId);
  const scheduledSendAt = undoSeconds > 0 ? new Date(Date.now() + undoSeconds * 1000) : null;
  const attachments = input.attachmentIds?.length
    ? await tx.attachment.findMany({ where: { id: { in: input.attachmentIds }, workspaceId, ticketId, messageId: null } })
    : [];
  if (attachments.length !== (input.attachmentIds?.length ?? 0)) {
    throw new AppError("VALIDATION", "Unknown attachment", { fields: { attachmentIds: "must be unused uploads of this ticket" } });
  }
  const created = await tx.message.create({
    data: {
      workspaceId,
      ticketId,
      direction: isNote ? "note" : "outbound",
      authorUserId: access.user.id,
      fromAddress: mailbox?.address ?? access.user.email,
      fromName: access.user.name,
      toAddresses: send ? to : [],
      ccAddresses: send ? (input.ccAddresses ?? []) : [],
      subject: isNote ? null : subject,
      bodyText: input.body,
      bodyHtml: input.bodyHtml ? sanitizeEmailHtml(input.bodyHtml) : null,
      messageIdHeader: send ? generateMessageId(emailDomain(mailbox?.address ?? "") ?? "threadline.invalid") : null,
      inReplyTo: send ? (lastInbound?.messageIdHeader ?? null) : null,
      references: send ? references : [],
      deliveryStatus: send ? "recorded" : null,
      scheduledSendAt,
    },
  });
  if (attachments.length) await tx.attachment.updateMany({ where: { id: { in: attachments.map((a) => a.id) } }, data: { messageId: created.id } });
  if (send) {
    // One email under the message's own Message-ID, so a reply from any recipient threads back here.
    // The thread shows the answer alone; the email quotes the customer's message below it.
    const body = withQuotedHistory({ text: input.body, html: created.bodyHtml }, lastInbound);
    await recordEmail(tx, {
      workspaceId,
      kind: "reply",
      to: to[0]!,
      cc: [...to.slice(1), ...(input.ccAddresses ?? [])],
      subject,
      text: body.text,
      html: body.html,
      ticketId,
      messageId: created.id,
      mailbox,
      inReplyTo: created.inReplyTo,
      references,
      messageIdHeader: created.messageIdHeader!,
      sendAfter: scheduledSendAt,
    });
  }
  if (isNote) {
    const mentioned = await assignableUserIds(tx, workspaceId, mentionedUserIds(input.body));
    const notice = mentionNotice(workspaceId, ticketId, created.id, [...mentioned], access.user.id);
    if (notice) await enqueueJob(tx, notice);
  }
  await tx.ticket.update({ where: { id: ticketId }, data: { lastActivityAt: created.createdAt } });
  if (!isNote) await refreshTicketSla(tx, workspaceId, ticketId);
  await recordActivity(tx, {
    workspaceId,
    ticketId,
    actorUserId: access.user.id,
    type: isNote ? "note_added" : "replied",
    data: { messageId: created.id, emailed: send },
  });
  if (input.statusAfter && input.statusAfter !== ticket.status) await applyStatusChange(tx, access, ticket, { toStatus: input.statusAfter });
  return created;
}
