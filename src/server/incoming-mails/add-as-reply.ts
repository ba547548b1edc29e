import type { WorkspaceAccess } from "@/server/auth/access";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { appendInboundReply } from "@/server/tickets/inbound-message";
import { recordActivity } from "@/server/tickets/activity";
import { getTicketDto, type TicketDto } from "@/server/tickets/tickets.service";
import { liveTicket, lockIncomingMail, loggedMessageData, markResolved, ticketOfStoredMessage } from "./logged-mail";

/**
 * `PUT /incoming_mails/:id/reply`: appends a logged mail (typically a reply held because
 * its ticket was closed) to its `ticket_id` ticket exactly as routing appends a reply (contact,
 * exchange count, reopening, cancelled closure, attachments), plus an `incoming_mail_replied`
 * timeline entry naming the agent. Adding it again answers the same ticket and changes nothing.
 */
export async function addIncomingMailAsReply(db: Db, access: WorkspaceAccess, id: string): Promise<TicketDto> {
  const workspaceId = access.workspace.id;
  return db.$transaction(async (tx) => {
    const mail = await lockIncomingMail(tx, workspaceId, id);
    const done = await ticketOfStoredMessage(tx, mail);
    if (done) return getTicketDto(tx, workspaceId, done);

    const ticket = mail.ticketId ? await liveTicket(tx, workspaceId, mail.ticketId) : null;
    if (!ticket) throw notFound("Ticket");
    const { message, reopened } = await appendInboundReply(tx, { workspaceId, ticket, message: await loggedMessageData(tx, mail) });
    await recordActivity(tx, {
      workspaceId,
      ticketId: ticket.id,
      actorUserId: access.user.id,
      type: "incoming_mail_replied",
      data: { incomingMailId: mail.id, messageId: message.id, reopened },
    });
    await markResolved(tx, mail, { action: "added_as_reply", ticketId: ticket.id, messageId: message.id, userId: access.user.id });
    return getTicketDto(tx, workspaceId, ticket.id);
  });
}
