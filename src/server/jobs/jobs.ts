import type { Job, Prisma } from "@/generated/prisma/client";
import { appConfig } from "@/env";
import type { Db } from "@/server/db";
import type { JobPayload, JobType } from "./job-types";

export type JobHandler = (db: Db, job: Job) => Promise<void>;

const MAX_ATTEMPTS = 6;

/** A job to record: its type names its handler in the registry and the payload's shape. */
export type NewJob = { [T in JobType]: { workspaceId: string; type: T; payload: JobPayload<T>; runAfter?: Date } }[JobType];

/**
 * Records follow-up work in the caller's transaction, so it exists exactly when the change that
 * needs it was committed (a crash after the commit cannot lose it).
 */
export function enqueueJob(tx: Prisma.TransactionClient, job: NewJob) {
  return tx.job.create({ data: { ...job, status: "pending" } });
}

/** Several jobs in one statement, on the same terms as enqueueJob. */
export async function enqueueJobs(tx: Prisma.TransactionClient, jobs: NewJob[]): Promise<void> {
  if (jobs.length > 0) await tx.job.createMany({ data: jobs.map((job) => ({ ...job, status: "pending" })) });
}

export interface RunOptions {
  /** Most jobs one drain runs. */
  limit?: number;
  /** Jobs running at the same time. */
  concurrency?: number;
  /** How long a claim holds a job; renewed every third of it while the handler runs. */
  leaseMs?: number;
}

/** A claimed job with the token of its claim. */
type ClaimedJob = Job & { claimToken: string };

const interval = (ms: number) => `${ms} milliseconds`;

/**
 * Claims up to `count` due jobs in one statement. FOR UPDATE SKIP LOCKED lets any number of
 * workers, in any number of processes, claim different jobs; a job whose lease ran out (its worker
 * died) is due again. Each claim gets a new token, so the worker that held an earlier claim can no
 * longer renew, finish or fail the job.
 */
async function claimJobs(db: Db, count: number, leaseMs: number): Promise<ClaimedJob[]> {
  return db.$queryRaw<ClaimedJob[]>`
    WITH due AS MATERIALIZED (
      SELECT "id" FROM "Job"
      WHERE "status" = 'pending' AND "runAfter" <= now() AND ("lockedUntil" IS NULL OR "lockedUntil" < now())
      ORDER BY "runAfter", "createdAt"
      LIMIT ${count}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "Job" SET "lockedUntil" = now() + ${interval(leaseMs)}::interval, "attempts" = "attempts" + 1, "claimToken" = gen_random_uuid()
    FROM due WHERE "Job"."id" = due."id"
    RETURNING "Job".*`;
}

/** Extends the lease while the claim is still the job's; false when someone else holds it now. */
async function renewLease(db: Db, job: ClaimedJob, leaseMs: number): Promise<boolean> {
  const renewed = await db.$executeRaw`
    UPDATE "Job" SET "lockedUntil" = now() + ${interval(leaseMs)}::interval
    WHERE "id" = ${job.id}::uuid AND "claimToken" = ${job.claimToken}::uuid AND "status" = 'pending'`;
  return renewed > 0;
}

/** What running the handler did to the job: done, or pending again with a backoff, or failed for good. */
async function runHandler(db: Db, handlers: Record<string, JobHandler>, job: ClaimedJob): Promise<Prisma.JobUpdateManyMutationInput> {
  try {
    const handler = handlers[job.type];
    if (!handler) throw new Error(`No handler for job type ${job.type}`);
    await handler(db, job);
    return { status: "done", completedAt: new Date(), lockedUntil: null, lastError: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failed = job.attempts >= MAX_ATTEMPTS;
    if (failed) console.error(`Job ${job.type} ${job.id} failed for good: ${message}`);
    // Exponential backoff: 2 s, 4 s, 8 s… between attempts.
    const runAfter = new Date(Date.now() + 2 ** job.attempts * 1000);
    return { status: failed ? "failed" : "pending", lastError: message.slice(0, 2000), lockedUntil: null, runAfter };
  }
}

/**
 * Runs one claimed job, renewing its lease every third of it, then records the outcome under the
 * claim. Never throws: when the outcome cannot be recorded (the database is away), the job is due
 * again once its lease runs out, and handlers are idempotent.
 */
async function runJob(db: Db, handlers: Record<string, JobHandler>, job: ClaimedJob, leaseMs: number): Promise<void> {
  let renewing: Promise<unknown> = Promise.resolve();
  const heartbeat = setInterval(() => {
    renewing = renewLease(db, job, leaseMs).then(
      (held) => held || console.warn(`Job ${job.type} ${job.id} lost its lease while running`),
      (error: unknown) => console.error(`Job ${job.type} ${job.id}: renewing its lease failed`, error),
    );
  }, leaseMs / 3);
  let outcome: Prisma.JobUpdateManyMutationInput;
  try {
    outcome = await runHandler(db, handlers, job);
  } finally {
    clearInterval(heartbeat);
  }
  // A renewal still in flight would otherwise lock a job put back to pending.
  await renewing;
  try {
    const { count } = await db.job.updateMany({ where: { id: job.id, claimToken: job.claimToken, status: "pending" }, data: outcome });
    if (count === 0) console.warn(`Job ${job.type} ${job.id} was claimed again meanwhile; its outcome is left to that claim`);
  } catch (error) {
    console.error(`Job ${job.type} ${job.id}: recording its outcome failed; it is due again when its lease ends`, error);
  }
}

/**
 * Runs due jobs until none is left (or `limit` ran), up to `concurrency` at a time, claiming as
 * many as there is room for in one statement. Handlers must be idempotent: a job runs at least
 * once, and again if its worker died (or lost its lease) before recording the outcome. Throws only
 * when claiming fails, after the jobs already running have finished.
 */
export async function runPendingJobs(db: Db, handlers: Record<string, JobHandler>, options: RunOptions = {}): Promise<number> {
  const { limit = 100, concurrency = appConfig().JOB_CONCURRENCY, leaseMs = appConfig().JOB_LEASE_MS } = options;
  const running = new Set<Promise<void>>();
  let ran = 0;
  try {
    for (;;) {
      const room = Math.min(concurrency - running.size, limit - ran);
      const claimed = room > 0 ? await claimJobs(db, room, leaseMs) : [];
      for (const job of claimed) {
        const run: Promise<void> = runJob(db, handlers, job, leaseMs).finally(() => running.delete(run));
        running.add(run);
      }
      ran += claimed.length;
      if (running.size === 0) return ran;
      // A job finishing makes room; the next claim also finds work enqueued meanwhile.
      await Promise.race(running);
    }
  } finally {
    await Promise.all(running);
  }
}

/**
 * Deletes done jobs that completed more than `retentionDays` ago, `batchSize` at a time (each a
 * short statement), at most `maxBatches` per call. Failed jobs stay: they are there for a human to
 * look at. Returns how many were deleted.
 */
export async function pruneDoneJobs(db: Db, retentionDays: number, { batchSize = 1000, maxBatches = 10 } = {}): Promise<number> {
  let deleted = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const count = await db.$executeRaw`
      DELETE FROM "Job" WHERE "id" IN (
        SELECT "id" FROM "Job" WHERE "status" = 'done' AND "completedAt" < now() - ${`${retentionDays} days`}::interval
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED
      )`;
    deleted += count;
    if (count < batchSize) break;
  }
  return deleted;
}
