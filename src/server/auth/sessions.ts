import type { Db } from "@/server/db";

/**
 * Session JWTs carry `sv`, the user's session version when they were issued; raising the version
 * ends every session issued before. Checked on each request with one primary-key read.
 */
export interface VersionedToken {
  sub?: string;
  sv?: unknown;
}

/** The version a new session of the user starts with. */
export async function currentSessionVersion(db: Db, userId: string): Promise<number> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user?.sessionVersion ?? 0;
}

/** Whether the token's user still exists and has not ended its sessions since it was issued. */
export async function isSessionCurrent(db: Db, token: VersionedToken): Promise<boolean> {
  if (typeof token.sub !== "string") return false;
  const user = await db.user.findUnique({ where: { id: token.sub }, select: { sessionVersion: true } });
  // Tokens issued before versions existed carry none; they count as version 0.
  const version = typeof token.sv === "number" ? token.sv : 0;
  return user !== null && user.sessionVersion === version;
}

/** Ends every session of the user: sign-out, or removal from a workspace. */
export async function endSessions(db: Pick<Db, "user">, userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
