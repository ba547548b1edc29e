import { timingSafeEqual } from "node:crypto";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { hashInboundSecret } from "@/server/mailboxes/inbound-secret";

/** The inbound secret of a request: `X-Inbound-Secret`, `X-Mobieus-Inbound-Secret` or `?secret=`. */
export function inboundSecretOf(request: Request): string | null {
  const value =
    request.headers.get("x-inbound-secret") ?? request.headers.get("x-mobieus-inbound-secret") ?? new URL(request.url).searchParams.get("secret");
  return value?.trim() || null;
}

/**
 * The mailbox a secret belongs to, or 401. Looked up by the secret's SHA-256 (the lookup time says
 * nothing about the secret), then compared in constant time.
 */
export async function mailboxForSecret(db: Db, secret: string | null, workspaceId?: string) {
  if (!secret) throw new AppError("UNAUTHORIZED", "Missing inbound secret");
  const mailbox = await db.mailbox.findUnique({ where: { inboundSecretHash: hashInboundSecret(secret) } });
  const given = Buffer.from(secret);
  const stored = Buffer.from(mailbox?.inboundSecret ?? "");
  const matches = mailbox !== null && given.length === stored.length && timingSafeEqual(given, stored);
  if (!matches || (workspaceId && mailbox.workspaceId !== workspaceId)) throw new AppError("UNAUTHORIZED", "Invalid inbound secret");
  return mailbox;
}
