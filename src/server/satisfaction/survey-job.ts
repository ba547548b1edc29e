import { escapeHtml } from "@/server/automations/render-template";
import { replyReferences } from "@/server/email/message-id";
import { replySubject } from "@/server/email/subject";
import { isUniqueViolation } from "@/server/errors";
import type { JobHandler } from "@/server/jobs/jobs";
import { jobPayload } from "@/server/jobs/job-types";
import { publicBaseUrl } from "@/server/mailboxes/mailboxes.service";
import { recordEmail, replyMailbox } from "@/server/outbound-mail/send-email";
import { RATING_WORDS, RATINGS } from "./satisfaction.schema";
import { newSurveyToken, surveyTokenHash } from "./survey-token";

function surveyEmail(p: { greeting: string; workspaceName: string; ticketNumber: number; link: string }) {
  const links = RATINGS.map((rating) => ({ rating, words: RATING_WORDS[rating], url: `${p.link}?rating=${rating}` }));
  const intro = `Your request #${p.ticketNumber} is now closed. How did ${p.workspaceName} do? One click is enough:`;
  const text = `${p.greeting}\n\n${intro}\n\n${links.map((l) => `${l.words}: ${l.url}`).join("\n")}\n\nThank you!\n`;
  const html =
    `<p>${escapeHtml(p.greeting)}</p><p>${escapeHtml(intro)}</p><p>` +
    links.map((l) => `<a href="${escapeHtml(l.url)}" style="margin-right:16px">${l.words}</a>`).join("") +
    `</p><p>Thank you!</p>`;
  return { text, html };
}

/**
 * Emails the contact of a ticket just closed one link per rating, threaded under the customer's
 * last message: only while the workspace asks for surveys, the ticket (not a team conversation) is
 * still closed, has a contact who is not on the suppression list, and was never surveyed. The
 * rating row and the email commit together, so a job run twice sends one survey.
 */
export const satisfactionSurveyJob: JobHandler = async (db, job) => {
  const { ticketId } = jobPayload("satisfaction.survey", job.payload);
  const ticket = await db.ticket.findFirst({
    where: { id: ticketId, workspaceId: job.workspaceId },
    include: { contact: true, workspace: true, satisfactionRating: { select: { id: true } } },
  });
  const contact = ticket?.contact;
  if (!ticket || !contact || !ticket.workspace.satisfactionSurveys || ticket.kind !== "ticket" || ticket.status !== "closed" || ticket.satisfactionRating)
    return;
  const suppressed = await db.suppressedAddress.findUnique({ where: { workspaceId_email: { workspaceId: ticket.workspaceId, email: contact.email } } });
  if (suppressed) return;

  const lastInbound = await db.message.findFirst({ where: { ticketId, direction: "inbound" }, orderBy: { createdAt: "desc" } });
  const mailbox = await replyMailbox(db, ticket.workspaceId, ticket.mailboxId, lastInbound?.toAddresses ?? []);
  const token = newSurveyToken();
  const body = surveyEmail({
    greeting: contact.name ? `Hi ${contact.name},` : "Hello,",
    workspaceName: ticket.workspace.name,
    ticketNumber: ticket.ticketNumber,
    link: `${publicBaseUrl()}/rate/${token}`,
  });
  try {
    await db.$transaction(async (tx) => {
      await tx.satisfactionRating.create({ data: { workspaceId: ticket.workspaceId, ticketId, tokenHash: surveyTokenHash(token) } });
      await recordEmail(tx, {
        workspaceId: ticket.workspaceId,
        kind: "survey",
        to: contact.email,
        subject: replySubject(ticket.subject, ticket.ticketNumber),
        ...body,
        ticketId,
        mailbox,
        inReplyTo: lastInbound?.messageIdHeader ?? null,
        references: lastInbound?.messageIdHeader ? replyReferences(lastInbound) : [],
        dedupeKey: `survey:${ticketId}`,
      });
    });
  } catch (error) {
    // A run in parallel surveyed the ticket first.
    if (!isUniqueViolation(error)) throw error;
  }
};
