import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { databaseConfig } from "@/server/db/config";
import { AppError } from "@/server/errors";
import { useTestDatabase } from "@/test/database";
import { clearRateLimit, enforceRateLimits, pruneRateLimits, retryAfterOf, type RateLimitRule } from "./rate-limit";

const db = useTestDatabase();
const key = () => `test:${randomUUID()}`;

/** The seconds the hit was asked to wait, or null when it was let through. */
async function hit(...rules: RateLimitRule[]): Promise<number | null> {
  try {
    await enforceRateLimits(db(), rules);
    return null;
  } catch (error) {
    const seconds = retryAfterOf(error);
    if (seconds === null) throw error;
    return seconds;
  }
}

describe("enforceRateLimits (a fixed window per key in the database)", () => {
  it("lets `max` hits through in a window and refuses the next with the seconds until it ends", async () => {
    const rule = { key: key(), max: 3, windowSeconds: 60 };
    expect([await hit(rule), await hit(rule), await hit(rule)]).toEqual([null, null, null]);
    const retryAfter = await hit(rule);
    expect(retryAfter).toBeGreaterThanOrEqual(59);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Refused hits count, but never move the window's end.
    expect(await hit(rule)).toBeLessThanOrEqual(retryAfter!);
    const refused = await enforceRateLimits(db(), [rule]).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringMatching(/^Too many requests; try again in \d+ seconds$/),
      details: { retryAfterSeconds: expect.any(Number) },
    });
  });

  it("frees the key once its window ended", async () => {
    const rule = { key: key(), max: 1, windowSeconds: 1 };
    expect(await hit(rule)).toBeNull();
    expect(await hit(rule)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await hit(rule)).toBeNull();
    expect(await hit(rule)).toBe(1);
  });

  it("counts each key on its own, refuses when any key of a check is over, and ignores a limit of 0", async () => {
    const tight = { key: key(), max: 1, windowSeconds: 60 };
    const loose = { key: key(), max: 10, windowSeconds: 600 };
    expect(await hit(tight, loose)).toBeNull();
    expect(await hit(tight, loose)).toBeGreaterThan(0);
    expect(await hit(loose)).toBeNull();
    expect(await hit({ ...tight, key: key() })).toBeNull();
    const rows = await db().rateLimit.findMany({ where: { key: { in: [tight.key, loose.key] } }, orderBy: { count: "asc" } });
    expect(rows.map((row) => [row.key, row.count])).toEqual([
      [tight.key, 2],
      [loose.key, 3],
    ]);
    const unlimited = { key: key(), max: 0, windowSeconds: 60 };
    for (let i = 0; i < 5; i++) expect(await hit(unlimited)).toBeNull();
    expect(await db().rateLimit.count({ where: { key: unlimited.key } })).toBe(0);
    // The same key twice in one check is one hit (one row cannot be upserted twice in a statement).
    const twice = { key: key(), max: 1, windowSeconds: 60 };
    expect(await hit(twice, twice)).toBeNull();
  });

  it("clears a key, and prunes only windows that ended", async () => {
    const cleared = { key: key(), max: 1, windowSeconds: 60 };
    await hit(cleared);
    await clearRateLimit(db(), cleared.key);
    expect(await hit(cleared)).toBeNull();
    const ended = { key: key(), max: 1, windowSeconds: 60 };
    await hit(ended);
    await db().rateLimit.update({ where: { key: ended.key }, data: { resetAt: new Date(Date.now() - 1000) } });
    expect(await pruneRateLimits(db())).toBeGreaterThanOrEqual(1);
    expect(await db().rateLimit.findUnique({ where: { key: ended.key } })).toBeNull();
    expect(await db().rateLimit.findUnique({ where: { key: cleared.key } })).not.toBeNull();
  });

  it.runIf(databaseConfig().kind === "postgres")("lets exactly `max` of many concurrent hits through", async () => {
    const rule = { key: key(), max: 20, windowSeconds: 60 };
    const other = { key: key(), max: 1000, windowSeconds: 60 };
    // Keys in both orders: sorted inside, so concurrent statements cannot deadlock.
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? hit(rule, other) : hit(other, rule))));
    expect(results.filter((result) => result === null)).toHaveLength(20);
    expect((await db().rateLimit.findUniqueOrThrow({ where: { key: other.key } })).count).toBe(60);
  });
});
