import { timingSafeEqual } from "node:crypto";
import { appConfig } from "@/env";
import type { Mailbox } from "@/generated/prisma/client";
import { sqlQuery, type Db } from "@/server/db";
import { sqlStatement } from "@/server/db/sql-transaction";
import { AppError } from "@/server/errors";
import { enforceRateLimits } from "@/server/rate-limit/rate-limit";
import { hashInboundSecret } from "@/server/mailboxes/inbound-secret";

/** The inbound secret of a request: `X-Inbound-Secret`, `X-Mobieus-Inbound-Secret` or `?secret=`. */
export function inboundSecretOf(request: Request): string | null {
  const value = request.headers.get("x-inbound-secret") ?? request.headers.get("x-mobieus-inbound-secret") ?? new URL(request.url).searchParams.get("secret");
  return value?.trim() || null;
}

/** The mailbox fields inbound mail needs. */
export type InboundMailbox = Pick<Mailbox, "id" | "workspaceId" | "address" | "purpose">;

const MAILBOX_BY_SECRET_HASH = sqlStatement(`SELECT "id", "workspaceId", "address", "purpose", "inboundSecret" FROM "Mailbox" WHERE "inboundSecretHash" = $1`);

/**
 * The mailbox a secret belongs to, or 401. Looked up by the secret's SHA-256 (the lookup time says
 * nothing about the secret), then compared in constant time. Every inbound route that takes a secret
 * comes through here, so the per-secret rate limit is counted here (RATE_LIMITED), before the body
 * is read; only valid secrets are counted, so made-up ones cannot fill the table.
 */
export async function mailboxForSecret(db: Db, secret: string | null, workspaceId?: string): Promise<InboundMailbox> {
  if (!secret) throw new AppError("UNAUTHORIZED", "Missing inbound secret");
  const [found] = await sqlQuery<InboundMailbox & { inboundSecret: string }>(db, MAILBOX_BY_SECRET_HASH, [hashInboundSecret(secret)]);
  const mailbox = found ?? null;
  const given = Buffer.from(secret);
  const stored = Buffer.from(mailbox?.inboundSecret ?? "");
  const matches = mailbox !== null && given.length === stored.length && timingSafeEqual(given, stored);
  if (!matches || (workspaceId && mailbox.workspaceId !== workspaceId)) throw new AppError("UNAUTHORIZED", "Invalid inbound secret");
  const { RATE_LIMIT_INBOUND_PER_SECRET, RATE_LIMIT_INBOUND_WINDOW_SECONDS } = appConfig();
  await enforceRateLimits(db, [{ key: `inbound:secret:${mailbox.id}`, max: RATE_LIMIT_INBOUND_PER_SECRET, windowSeconds: RATE_LIMIT_INBOUND_WINDOW_SECONDS }]);
  const { inboundSecret: _secret, ...inbound } = mailbox;
  return inbound;
}
