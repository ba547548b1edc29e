import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";

/** At most `max` hits per `windowSeconds` for one key; a `max` of 0 means no limit. */
export interface RateLimitRule {
  key: string;
  max: number;
  windowSeconds: number;
}

export interface RateLimitDetails {
  retryAfterSeconds: number;
}

export const rateLimited = (retryAfterSeconds: number) =>
  new AppError("RATE_LIMITED", `Too many requests; try again in ${retryAfterSeconds} seconds`, { retryAfterSeconds } satisfies RateLimitDetails);

/** The seconds a RATE_LIMITED error asks the client to wait, or null for any other error. */
export function retryAfterOf(error: unknown): number | null {
  if (!(error instanceof AppError) || error.code !== "RATE_LIMITED") return null;
  const seconds = (error.details as Partial<RateLimitDetails> | undefined)?.retryAfterSeconds;
  return typeof seconds === "number" ? seconds : null;
}

/**
 * Counts one hit on every rule's key and throws RATE_LIMITED (with the seconds until the latest
 * refusing window ends) when any key went over its limit. One statement for all keys: a fixed
 * window per key, started by the first hit, reset by the first hit after it ended. The database's
 * clock decides, so every instance agrees. Refused hits count too (they never move a window's end).
 */
export async function enforceRateLimits(db: Db, rules: RateLimitRule[]): Promise<void> {
  const byKey = new Map(rules.filter((rule) => rule.max > 0).map((rule) => [rule.key, rule]));
  if (byKey.size === 0) return;
  // Sorted: two statements locking the same rows take them in the same order (no deadlock).
  const keys = [...byKey.keys()].sort();
  const values = keys.map((key) => Prisma.sql`(${key}, 1, now() + ${byKey.get(key)!.windowSeconds}::int * interval '1 second')`);
  const rows = await db.$queryRaw<{ key: string; count: number; retryAfter: number }[]>`
    INSERT INTO "RateLimit" AS r ("key", "count", "resetAt") VALUES ${Prisma.join(values)}
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN r."resetAt" <= now() THEN 1 ELSE r."count" + 1 END,
      "resetAt" = CASE WHEN r."resetAt" <= now() THEN EXCLUDED."resetAt" ELSE r."resetAt" END
    RETURNING r."key", r."count", GREATEST(1, CEIL(EXTRACT(EPOCH FROM r."resetAt" - now())))::int AS "retryAfter"`;
  const refused = rows.filter((row) => row.count > byKey.get(row.key)!.max);
  if (refused.length > 0) throw rateLimited(Math.max(...refused.map((row) => row.retryAfter)));
}

/** Forgets a key's hits (a successful sign-in clears its account's failed attempts). */
export async function clearRateLimit(db: Db, key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}

/** Deletes counters whose window ended, `batchSize` at a time, at most `maxBatches` per call. */
export async function pruneRateLimits(db: Db, { batchSize = 1000, maxBatches = 10 } = {}): Promise<number> {
  let deleted = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const count = await db.$executeRaw`
      DELETE FROM "RateLimit" WHERE "key" IN (
        SELECT "key" FROM "RateLimit" WHERE "resetAt" <= now() LIMIT ${batchSize} FOR UPDATE SKIP LOCKED
      )`;
    deleted += count;
    if (count < batchSize) break;
  }
  return deleted;
}
