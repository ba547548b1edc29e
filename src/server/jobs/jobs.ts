import type { Job, Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";

export type JobHandler = (db: Db, job: Job) => Promise<void>;

const MAX_ATTEMPTS = 6;
// Long enough for any handler; a job whose worker died becomes claimable again after it.
const LEASE_MS = 5 * 60_000;

/**
 * Records follow-up work in the caller's transaction, so it exists exactly when the change that
 * needs it was committed (a crash after the commit cannot lose it).
 */
export function enqueueJob(
  tx: Prisma.TransactionClient,
  job: { workspaceId: string; type: string; payload: Prisma.InputJsonValue; runAfter?: Date },
) {
  return tx.job.create({ data: { ...job, status: "pending" } });
}

/**
 * Claims one due job. FOR UPDATE SKIP LOCKED lets any number of workers, in any number of
 * processes, claim different jobs; the lease makes a job whose worker died claimable again.
 */
async function claimJob(db: Db): Promise<Job | null> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE "Job" SET "lockedUntil" = now() + ${`${LEASE_MS} milliseconds`}::interval, "attempts" = "attempts" + 1
    WHERE "id" = (
      SELECT "id" FROM "Job"
      WHERE "status" = 'pending' AND "runAfter" <= now() AND ("lockedUntil" IS NULL OR "lockedUntil" < now())
      ORDER BY "runAfter", "createdAt"
      FOR UPDATE SKIP LOCKED
      LIMIT 1
    )
    RETURNING "id"`;
  const id = rows[0]?.id;
  return id ? db.job.findUnique({ where: { id } }) : null;
}

/**
 * Runs due jobs until none is left (or `limit` ran). Handlers must be idempotent: a job runs at
 * least once, and again if its worker died before marking it done.
 */
export async function runPendingJobs(db: Db, handlers: Record<string, JobHandler>, limit = 100): Promise<number> {
  let ran = 0;
  while (ran < limit) {
    const job = await claimJob(db);
    if (!job) break;
    ran++;
    const handler = handlers[job.type];
    try {
      if (!handler) throw new Error(`No handler for job type ${job.type}`);
      await handler(db, job);
      await db.job.update({ where: { id: job.id }, data: { status: "done", completedAt: new Date(), lockedUntil: null, lastError: null } });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const failed = job.attempts >= MAX_ATTEMPTS;
      // Exponential backoff: 2 s, 4 s, 8 s… between attempts.
      const runAfter = new Date(Date.now() + 2 ** job.attempts * 1000);
      await db.job.update({
        where: { id: job.id },
        data: { status: failed ? "failed" : "pending", lastError: message.slice(0, 2000), lockedUntil: null, runAfter },
      });
      if (failed) console.error(`Job ${job.type} ${job.id} failed for good: ${message}`);
    }
  }
  return ran;
}
