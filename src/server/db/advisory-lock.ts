import type { Prisma } from "@/generated/prisma/client";

/**
 * Takes PostgreSQL transaction-scoped advisory locks on the given keys in one statement, in a
 * fixed order (by hash, so two transactions never wait on each other in a cycle). They serialize
 * work on the same keys across every process sharing the database and are released at commit or
 * rollback.
 */
export async function lockKeys(tx: Prisma.TransactionClient, keys: Iterable<string>): Promise<void> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return;
  await tx.$executeRaw`
    SELECT pg_advisory_xact_lock("hash")
    FROM (SELECT DISTINCT hashtextextended("key", 0) AS "hash" FROM unnest(${unique}::text[]) AS "key" ORDER BY "hash") AS "ordered"`;
}

/**
 * Takes the transaction-scoped advisory lock on `key` if it is free and answers whether it did,
 * without waiting: a caller that lost can give its connection back and try again later.
 */
export async function tryLockKey(tx: Prisma.TransactionClient, key: string): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtextextended(${key}, 0)) AS "locked"`;
  return row?.locked === true;
}
