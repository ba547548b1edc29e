import { appConfig } from "@/env";
import { db as appDb, type Db } from "@/server/db";
import { DOWNLOAD_ATTACHMENT_JOB } from "@/server/inbound/route-mail";
import { newTicketFollowup } from "@/server/inbound/new-ticket-followup";
import { downloadAttachmentJob } from "@/server/inbound/attachment-download-job";
import { INCOMING_MAIL_NOTIFY_JOB, notifyIncomingMailJob } from "@/server/incoming-mails/notify-job";
import { NEW_TICKET_JOB, type NewTicketHook } from "@/server/tickets/new-ticket-event";
import { runNewTicketAutomations } from "@/server/automations/run-automations";
import { pruneRateLimits } from "@/server/rate-limit/rate-limit";
import { pruneDoneJobs, runPendingJobs, type JobHandler } from "./jobs";

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
  if (appConfig().JOB_WORKER === "off") return;
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
    .catch((error: unknown) => console.error("Job worker failed; the next poll tries again", error))
    .finally(() => {
      worker.running = null;
    });
}

/** Done jobs and ended rate-limit windows are pruned at most this often (by each instance's poller). */
const PRUNE_EVERY_MS = 5 * 60_000;

/**
 * Polls for due jobs every JOB_POLL_MS: retries, and work whose worker died (its lease ran out).
 * Also prunes done jobs older than JOB_RETENTION_DAYS and ended rate-limit windows, at most every few minutes. Nothing it does
 * can stop it: a failing database only fails that tick. Returns the function that stops it.
 */
export function startJobPoller(): () => void {
  const { JOB_WORKER, JOB_POLL_MS, JOB_RETENTION_DAYS } = appConfig();
  if (JOB_WORKER === "off") return () => {};
  let lastPrune = -Infinity;
  let pruning = false;
  const timer = setInterval(() => {
    try {
      kickJobWorker();
      if (pruning || Date.now() - lastPrune < PRUNE_EVERY_MS) return;
      lastPrune = Date.now();
      pruning = true;
      void Promise.all([pruneDoneJobs(appDb(), JOB_RETENTION_DAYS), pruneRateLimits(appDb())])
        .catch((error: unknown) => console.error("Pruning done jobs or rate limits failed", error))
        .finally(() => (pruning = false));
    } catch (error) {
      console.error("Job poller tick failed", error);
    }
  }, JOB_POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
