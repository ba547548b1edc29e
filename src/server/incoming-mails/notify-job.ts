import type { IncomingMail } from "@/generated/prisma/client";
import type { JobHandler } from "@/server/jobs/jobs";
import { jobPayload } from "@/server/jobs/job-types";
import { notifyMembers } from "@/server/notifications/notify-members";

/** What the team is told about a mail that no ticket took in. */
function notice(mail: IncomingMail & { ticket: { ticketNumber: number } | null }) {
  if (mail.replyToClosedTicket) {
    const ticket = mail.ticket ? `#${mail.ticket.ticketNumber}` : "a closed ticket";
    return { type: "held_reply_to_closed_ticket", title: `Reply to closed ticket ${ticket} held from ${mail.sender}` };
  }
  return { type: "discarded_unmatched", title: `Email from ${mail.sender} did not become a ticket` };
}

/**
 * Tells every member of the workspace about a held reply or discarded unmatched mail (enqueued by
 * routing in the same commit), as each chose for incoming mail, then sets `notified` on the log row.
 * Safe to run again (see notifyMembers).
 */
export const notifyIncomingMailJob: JobHandler = async (db, job) => {
  const { incomingMailId } = jobPayload("incoming_mail.notify", job.payload);
  const mail = await db.incomingMail.findFirst({
    where: { id: incomingMailId, workspaceId: job.workspaceId },
    include: { ticket: { select: { ticketNumber: true } } },
  });
  // Deleted, or already dealt with by an agent, before the job ran: nobody needs telling.
  if (!mail || mail.notified || mail.messageId) return;
  const { type, title } = notice(mail);
  const body = `Subject: ${mail.subject || "(no subject)"}`;
  const members = await db.membership.findMany({ where: { workspaceId: mail.workspaceId }, select: { user: { select: { id: true, email: true } } } });
  await notifyMembers(
    db,
    members.map((m) => m.user),
    {
      workspaceId: mail.workspaceId,
      topic: "incoming_mail",
      type,
      title,
      body,
      incomingMailId: mail.id,
      ticketId: mail.ticketId,
      // Dated when the mail arrived, so the list's order does not depend on which job ran first.
      createdAt: mail.createdAt,
      emailHint: "Open the incoming mail log to convert it to a ticket, add it as a reply, or delete it.",
      key: `incoming-mail-notice:${mail.id}`,
    },
  );
  await db.incomingMail.updateMany({ where: { id: mail.id, workspaceId: mail.workspaceId }, data: { notified: true } });
};
