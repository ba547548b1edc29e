import { createHash } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";

/**
 * The 64-bit advisory lock number of a key, computed here (not by the database) so a lock can be
 * named in a parameterless statement that travels with BEGIN. Every lock of the app goes through it,
 * so every caller agrees on the number.
 */
export function lockKeyHash(key: string): bigint {
  return createHash("sha256").update(key).digest().readBigInt64BE(0);
}

/** Distinct lock numbers in ascending order, the one order every transaction takes them in. */
function orderedHashes(keys: Iterable<string>): bigint[] {
  return [...new Set([...keys].map(lockKeyHash))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Takes PostgreSQL transaction-scoped advisory locks on the given keys in one statement, in a
 * fixed order (so two transactions never wait on each other in a cycle). They serialize work on the
 * same keys across every process sharing the database and are released at commit or rollback.
 */
export async function lockKeys(tx: Prisma.TransactionClient, keys: Iterable<string>): Promise<void> {
  const hashes = orderedHashes(keys).map(String);
  if (hashes.length === 0) return;
  await tx.$executeRaw`
    SELECT pg_advisory_xact_lock("hash") FROM (SELECT "hash" FROM unnest(${hashes}::bigint[]) AS "hash" ORDER BY "hash") AS "ordered"`;
}

/**
 * Takes the transaction-scoped advisory lock on `key` if it is free and answers whether it did,
 * without waiting: a caller that lost can give its connection back and try again later.
 */
export async function tryLockKey(tx: Prisma.TransactionClient, key: string): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${String(lockKeyHash(key))}::bigint) AS "locked"`;
  return row?.locked === true;
}

/**
 * A parameterless statement (numbers only, so it can travel with BEGIN) answering `locked`: it
 * takes `tryKey` if it is free, and only then waits for `waitKeys` in ascending order. The key tried
 * first never waits, so a copy of work already under way gives its connection back at once.
 */
export function tryThenLockStatement(tryKey: string, waitKeys: Iterable<string>): string {
  const own = lockKeyHash(tryKey);
  const waits = orderedHashes(waitKeys).filter((hash) => hash !== own);
  // An uncorrelated subquery is run only when the CASE reaches it: no wait after a failed try.
  const wait =
    waits.length === 0
      ? "true"
      : `(SELECT count(pg_advisory_xact_lock(h)) >= 0 FROM (SELECT h FROM unnest(ARRAY[${waits.join(", ")}]::bigint[]) AS h ORDER BY h) AS w)`;
  return `SELECT CASE WHEN pg_try_advisory_xact_lock(${own}) THEN ${wait} ELSE false END AS "locked"`;
}
