import type { Db } from "@/server/db";
import type { JobHandler } from "@/server/jobs/jobs";
import { jobPayload } from "@/server/jobs/job-types";
import { recordEmail } from "@/server/outbound-mail/send-email";
import { isSuppressed } from "@/server/outbound-mail/suppression";
import { replyReferences } from "@/server/email/message-id";
import { withTicketToken } from "@/server/email/subject";
import type { NewTicketEvent, NewTicketHook } from "@/server/tickets/new-ticket-event";

/**
 * The after-commit work of a new ticket from inbound mail: the hooks (automations)
 * first, then the confirmation with the ticket reference — never to auto-replies or bulk mail, nor to
 * an address on the suppression list. Safe to run twice: automations record each rule's run under a
 * unique key, and the confirmation has a dedupe key.
 */
export function newTicketFollowup(hooks: NewTicketHook[]): JobHandler {
  return async (db, job) => {
    const event = { ...jobPayload("inbound.new_ticket", job.payload), workspaceId: job.workspaceId };
    for (const hook of hooks) await hook(db, event);
    if (event.isAutoReply || event.isBulk) return;
    await sendConfirmation(db, event);
  };
}

async function sendConfirmation(db: Db, event: NewTicketEvent) {
  const ticket = await db.ticket.findFirst({
    where: { id: event.ticketId, workspaceId: event.workspaceId },
    include: { contact: true, mailbox: true, workspace: true },
  });
  const message = await db.message.findFirst({ where: { id: event.messageId, ticketId: event.ticketId } });
  if (!ticket?.contact || !message) return;
  if (await isSuppressed(db, event.workspaceId, ticket.contact.email)) return;
  const greeting = ticket.contact.name ? `Hi ${ticket.contact.name},` : "Hello,";
  const contact = ticket.contact;
  // The email, its send job and its timeline entry commit together; the dedupe key makes a second
  // run record none of them.
  await db.$transaction(async (tx) => {
    const recorded = await recordEmail(tx, {
      workspaceId: event.workspaceId,
      kind: "confirmation",
      to: contact.email,
      subject: withTicketToken(ticket.subject, ticket.ticketNumber),
      text: `${greeting}\n\nThanks for contacting ${ticket.workspace.name}. We received your message and will get back to you soon.\nYour ticket reference is #${ticket.ticketNumber}; just reply to this email to add to it.\n`,
      ticketId: ticket.id,
      mailbox: ticket.mailbox,
      inReplyTo: message.messageIdHeader,
      references: replyReferences(message),
      dedupeKey: `confirmation:${ticket.id}`,
    });
    if (recorded.created) {
      const { outbound } = recorded;
      await tx.activityEvent.create({
        data: {
          workspaceId: event.workspaceId,
          ticketId: ticket.id,
          type: "confirmation_sent",
          data: { outboundEmailId: outbound.id, to: outbound.toAddress },
        },
      });
    }
  });
}
