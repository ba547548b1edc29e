import { downloadAttachmentJob } from "@/server/inbound/attachment-download-job";
import { newTicketFollowup } from "@/server/inbound/new-ticket-followup";
import { notifyIncomingMailJob } from "@/server/incoming-mails/notify-job";
import { ticketNoticeJob } from "@/server/notifications/ticket-notice-job";
import { sendEmailJob } from "@/server/outbound-mail/send-email-job";
import { satisfactionSurveyJob } from "@/server/satisfaction/survey-job";
import { slaCheckJob } from "@/server/sla/sla-check-job";
import { slaRefreshJob } from "@/server/sla/sla-refresh-job";
import type { NewTicketHook } from "@/server/tickets/new-ticket-event";
import { wakeSnoozedTicketJob } from "@/server/tickets/snooze";
import { autoCloseTicketJob } from "@/server/tickets/ticket-status";
import type { JobHandler } from "./jobs";
import type { JobType } from "./job-types";

/**
 * The handler of every job type (job-types.ts names them): the one place that knows which domain
 * code runs which job. `onNewTicket` hooks run before a new ticket's automations and confirmation;
 * `automations` runs the workspace's rules.
 */
export function jobHandlers(options: { onNewTicket?: NewTicketHook[]; automations?: boolean } = {}): Record<JobType, JobHandler> {
  return {
    "inbound.new_ticket": newTicketFollowup(options.onNewTicket ?? [], { automations: options.automations }),
    "attachment.download": downloadAttachmentJob,
    "incoming_mail.notify": notifyIncomingMailJob,
    "satisfaction.survey": satisfactionSurveyJob,
    "ticket.notify": ticketNoticeJob,
    "sla.check": slaCheckJob,
    "sla.refresh": slaRefreshJob,
    "ticket.wake": wakeSnoozedTicketJob,
    "ticket.auto_close": autoCloseTicketJob,
    "email.send": sendEmailJob,
  };
}

/** The handlers the running app uses. */
export function appJobHandlers(): Record<JobType, JobHandler> {
  return jobHandlers({ automations: true });
}
