import { db as appDb, type Db } from "@/server/db";
import { DOWNLOAD_ATTACHMENT_JOB, INCOMING_MAIL_NOTIFY_JOB, NEW_TICKET_JOB } from "@/server/inbound/route-mail";
import { newTicketFollowup, type NewTicketHook } from "@/server/inbound/new-ticket-followup";
import { downloadAttachmentJob } from "@/server/inbound/attachment-download-job";
import { notifyIncomingMailJob } from "@/server/incoming-mails/notify-job";
import { runNewTicketAutomations } from "@/server/automations/run-automations";
import { runPendingJobs, type JobHandler } from "./jobs";

/** The handler of every job type; `onNewTicket` hooks run before a new ticket's confirmation. */
export function jobHandlers(options: { onNewTicket?: NewTicketHook[] } = {}): Record<string, JobHandler> {
  return {
    [NEW_TICKET_JOB]: newTicketFollowup(options.onNewTicket ?? []),
    [DOWNLOAD_ATTACHMENT_JOB]: downloadAttachmentJob,
    [INCOMING_MAIL_NOTIFY_JOB]: notifyIncomingMailJob,
  };
}

/** The handlers the running app uses. */
export function appJobHandlers(): Record<string, JobHandler> {
  return jobHandlers({ onNewTicket: [runNewTicketAutomations] });
}

const state = globalThis as unknown as { threadlineJobWorker?: { running: Promise<void> | null; again: boolean } };

/**
 * Drains due jobs in the background now (called right after a commit that enqueued work). A kick
 * during a drain makes it go round once more, so nothing enqueued meanwhile waits for the poller.
 */
export function kickJobWorker(db: Db = appDb()): void {
  // Tests run jobs explicitly (runPendingJobs) so that they can assert each step.
  if (process.env.JOB_WORKER === "off") return;
  const worker = (state.threadlineJobWorker ??= { running: null, again: false });
  if (worker.running) {
    worker.again = true;
    return;
  }
  worker.running = (async () => {
    do {
      worker.again = false;
      await runPendingJobs(db, appJobHandlers());
    } while (worker.again);
  })()
    .catch((error: unknown) => console.error("Job worker failed", error))
    .finally(() => {
      worker.running = null;
    });
}

/**
 * Polls for due jobs: retries, and work left behind by a process that crashed after its commit.
 * Returns the function that stops it.
 */
export function startJobPoller(intervalMs = 2000): () => void {
  const timer = setInterval(() => kickJobWorker(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
