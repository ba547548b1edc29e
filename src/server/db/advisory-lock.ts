import type { Prisma } from "@/generated/prisma/client";

/**
 * Takes PostgreSQL transaction-scoped advisory locks on the given keys, in a fixed order (so two
 * transactions never wait on each other in a cycle). They serialize work on the same keys across
 * every process sharing the database and are released at commit or rollback.
 */
export async function lockKeys(tx: Prisma.TransactionClient, keys: Iterable<string>): Promise<void> {
  for (const key of [...new Set(keys)].sort()) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
  }
}
