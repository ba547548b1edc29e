import { appConfig } from "@/env";
import type { Db } from "@/server/db";
import { clearRateLimit, enforceRateLimits } from "@/server/rate-limit/rate-limit";
import { hashPassword, verifyPassword } from "./password";

// Verified against when the email is unknown, so both answers take the same time.
let dummyHash: Promise<string> | undefined;

export interface SignedInUser {
  id: string;
  email: string;
  name: string | null;
}

/** The user for an email and password, or null. */
export async function verifyCredentials(db: Db, email: string, password: string): Promise<SignedInUser | null> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user?.passwordHash) {
    dummyHash ??= hashPassword("not-a-real-password");
    await verifyPassword(await dummyHash, password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, email: user.email, name: user.name };
}

/**
 * A sign-in attempt: counted per account and per client address (RATE_LIMITED past either limit)
 * before the password is checked, so a refused attempt learns nothing and costs no hash. A
 * successful sign-in clears its account's count: only failures since then lock an account.
 */
export async function signInWithPassword(db: Db, attempt: { email: string; password: string; ip: string | null }): Promise<SignedInUser | null> {
  const config = appConfig();
  const window = config.RATE_LIMIT_SIGNIN_WINDOW_SECONDS;
  const accountKey = `signin:account:${attempt.email.trim().toLowerCase()}`;
  await enforceRateLimits(db, [
    { key: accountKey, max: config.RATE_LIMIT_SIGNIN_PER_ACCOUNT, windowSeconds: window },
    ...(attempt.ip ? [{ key: `signin:ip:${attempt.ip}`, max: config.RATE_LIMIT_SIGNIN_PER_IP, windowSeconds: window }] : []),
  ]);
  const user = await verifyCredentials(db, attempt.email, attempt.password);
  if (user) await clearRateLimit(db, accountKey);
  return user;
}
