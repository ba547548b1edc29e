import type { JobHandler } from "@/server/jobs/jobs";
import { jobPayload } from "@/server/jobs/job-types";
import { deliverEmail } from "./send-email";

/**
 * Sends one recorded email (the `email.send` job that recordEmail enqueued with it) and copies the
 * outcome onto the agent's thread message, if the email is one. Only an email still `recorded` is
 * sent, so a second run after the first finished sends nothing. The one window no sender can close:
 * a crash after the SMTP server accepted the email but before it was marked sent sends it again,
 * under the same Message-ID (mail clients show it once).
 */
export const sendEmailJob: JobHandler = async (db, job) => {
  const { outboundEmailId } = jobPayload("email.send", job.payload);
  const recorded = await db.outboundEmail.findFirst({
    where: { id: outboundEmailId, workspaceId: job.workspaceId },
    include: { mailbox: true, ticket: { select: { id: true, createdAt: true } } },
  });
  if (!recorded) return;
  const { mailbox, ticket, ...email } = recorded;
  const outbound = email.status === "recorded" ? await deliverEmail(db, email, mailbox, ticket) : email;
  if (outbound.messageId && outbound.status !== "recorded") {
    // A delivery webhook may have moved the message on already (delivered, bounced): never back.
    await db.message.updateMany({ where: { id: outbound.messageId, deliveryStatus: "recorded" }, data: { deliveryStatus: outbound.status } });
  }
};
