import { z } from "zod";
import type { WorkspaceAccess } from "@/server/auth/access";
import { findOrCreateContact } from "@/server/contacts/contacts.service";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { parseMailboxList } from "@/server/email/address";
import { stripReplyPrefixes } from "@/server/email/subject";
import { ticketKindOf } from "@/server/mailboxes/mailbox-purpose";
import { recipientMailbox } from "@/server/mailboxes/recipient-mailbox";
import { recordActivity } from "@/server/tickets/activity";
import { createTicketInTx } from "@/server/tickets/create-ticket";
import { getTicketDto, type TicketDto } from "@/server/tickets/tickets.service";
import { lockIncomingMail, loggedMessageData, markResolved, ticketOfStoredMessage } from "./logged-mail";

/**
 * `PUT /incoming_mails/:id/ticket`: a ticket for the customer from a logged mail, as an
 * agent's action: the sender's contact (created if needed, linked to the customer), the cleaned
 * subject, the mail as the first message, its attachments moved along. No automations and no
 * confirmation run: those answer mail as it arrives, and this mail arrived long ago. Converting
 * again answers the same ticket and changes nothing.
 */
export async function convertIncomingMailToTicket(db: Db, access: WorkspaceAccess, id: string, customerId: string): Promise<TicketDto> {
  const workspaceId = access.workspace.id;
  return db.$transaction(async (tx) => {
    const mail = await lockIncomingMail(tx, workspaceId, id);
    const done = await ticketOfStoredMessage(tx, mail);
    if (done) return getTicketDto(tx, workspaceId, done);

    const customer = z.uuid().safeParse(customerId).success ? await tx.customer.findFirst({ where: { id: customerId, workspaceId } }) : null;
    if (!customer) throw notFound("Customer");
    const found = await findOrCreateContact(tx, workspaceId, { email: mail.sender, name: mail.senderName });
    const contact = found.customerId === customer.id ? found : await tx.contact.update({ where: { id: found.id }, data: { customerId: customer.id } });
    const mailbox = mail.mailboxId
      ? await tx.mailbox.findFirst({ where: { id: mail.mailboxId, workspaceId } })
      : await recipientMailbox(
          tx,
          workspaceId,
          parseMailboxList(mail.recipient).map((m) => m.email),
        );

    const { ticket, message } = await createTicketInTx(tx, {
      workspaceId,
      subject: stripReplyPrefixes(mail.subject),
      kind: ticketKindOf(mailbox),
      contactId: contact.id,
      customerId: customer.id,
      mailboxId: mailbox?.id ?? null,
      actorUserId: access.user.id,
      firstMessage: await loggedMessageData(tx, mail),
    });
    await recordActivity(tx, {
      workspaceId,
      ticketId: ticket.id,
      actorUserId: access.user.id,
      type: "incoming_mail_converted",
      data: { incomingMailId: mail.id },
    });
    await markResolved(tx, mail, { action: "converted_to_ticket", ticketId: ticket.id, messageId: message.id, userId: access.user.id });
    return getTicketDto(tx, workspaceId, ticket.id);
  });
}
