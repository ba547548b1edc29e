import { appConfig } from "@/env";
import { db as appDb, type Db } from "@/server/db";
import { pruneRateLimits } from "@/server/rate-limit/rate-limit";
import { pruneDoneJobs, runPendingJobs } from "./jobs";
import { appJobHandlers } from "./registry";

const state = globalThis as unknown as { threadlineJobWorker?: { running: Promise<void> | null; again: boolean; stopped?: boolean } };

/** How long stopping waits for the drain in flight: its jobs record their outcome before the database closes. */
const STOP_WAIT_MS = 10_000;

/**
 * Drains due jobs in the background now (called right after a commit that enqueued work). A kick
 * during a drain makes it go round once more, so nothing enqueued meanwhile waits for the poller.
 */
export function kickJobWorker(db: Db = appDb()): void {
  // Tests run jobs explicitly (runPendingJobs) so that they can assert each step.
  if (appConfig().JOB_WORKER === "off") return;
  const worker = (state.threadlineJobWorker ??= { running: null, again: false });
  if (worker.stopped) return;
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
 * can stop it: a failing database only fails that tick. Returns the function that stops it: no
 * drain starts after it, and the one in flight (bounded by STOP_WAIT_MS) finishes first, so a stop
 * signal closes the database only once the running jobs recorded their outcome.
 */
export function startJobPoller(): () => Promise<void> {
  const { JOB_WORKER, JOB_POLL_MS, JOB_RETENTION_DAYS } = appConfig();
  if (JOB_WORKER === "off") return async () => {};
  const worker = (state.threadlineJobWorker ??= { running: null, again: false });
  worker.stopped = false;
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
  return async () => {
    clearInterval(timer);
    worker.stopped = true;
    worker.again = false;
    if (worker.running) await Promise.race([worker.running, new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS).unref())]);
  };
}
