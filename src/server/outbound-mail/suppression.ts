import type { Db, Prisma } from "@/server/db";

/** Addresses that complained or bounced permanently get no automated mail. */
export async function isSuppressed(db: Db | Prisma.TransactionClient, workspaceId: string, email: string): Promise<boolean> {
  const row = await db.suppressedAddress.findUnique({ where: { workspaceId_email: { workspaceId, email: email.toLowerCase() } } });
  return row !== null;
}
