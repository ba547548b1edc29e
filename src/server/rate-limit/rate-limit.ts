import type { Db } from "@/server/db";
import { sqlLiteral } from "@/server/db/sql-transaction";
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

/** The counted rules (a `max` of 0 means no limit), by key. */
const countedRules = (rules: RateLimitRule[]) => new Map(rules.filter((rule) => rule.max > 0).map((rule) => [rule.key, rule]));

/**
 * The one statement that counts one hit on every rule's key, parameterless (so it can travel with
 * other statements in one round trip), or null when no rule limits anything: a fixed window per key,
 * started by the first hit, reset by the first hit after it ended. The database's clock decides, so
 * every instance agrees. Refused hits count too (they never move a window's end).
 */
export function rateLimitStatement(rules: RateLimitRule[]): string | null {
  const byKey = countedRules(rules);
  if (byKey.size === 0) return null;
  // Sorted: two statements locking the same rows take them in the same order (no deadlock).
  const values = [...byKey.keys()].sort().map((key) => `(${sqlLiteral(key)}, 1, now() + interval '${byKey.get(key)!.windowSeconds} seconds')`);
  return `INSERT INTO "RateLimit" AS r ("key", "count", "resetAt") VALUES ${values.join(", ")}
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN r."resetAt" <= now() THEN 1 ELSE r."count" + 1 END,
      "resetAt" = CASE WHEN r."resetAt" <= now() THEN EXCLUDED."resetAt" ELSE r."resetAt" END
    RETURNING r."key", r."count", GREATEST(1, CEIL(EXTRACT(EPOCH FROM r."resetAt" - now())))::int AS "retryAfter"`;
}

/** Throws RATE_LIMITED (with the seconds until the latest refusing window ends) when the counted hits went over a limit. */
export function assertWithinRateLimits(rules: RateLimitRule[], rows: Record<string, unknown>[]): void {
  const byKey = countedRules(rules);
  const refused = rows.filter((row) => Number(row.count) > byKey.get(String(row.key))!.max);
  if (refused.length > 0) throw rateLimited(Math.max(...refused.map((row) => Number(row.retryAfter))));
}

/** Counts one hit on every rule's key and throws RATE_LIMITED when any key went over its limit. */
export async function enforceRateLimits(db: Db, rules: RateLimitRule[]): Promise<void> {
  const statement = rateLimitStatement(rules);
  if (!statement) return;
  assertWithinRateLimits(rules, await db.$queryRawUnsafe<Record<string, unknown>[]>(statement));
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
