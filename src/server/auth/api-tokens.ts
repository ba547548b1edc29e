import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";

const TOKEN_PREFIX = "tl_";

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface CreatedApiToken {
  id: string;
  name: string;
  prefix: string;
  /** Shown once; only its hash is stored. */
  token: string;
}

/** Creates a bearer token for a member of the workspace. */
export async function createApiToken(
  db: Db,
  input: { workspaceId: string; userId: string; name: string },
): Promise<CreatedApiToken> {
  const membership = await db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: input.workspaceId, userId: input.userId } },
  });
  if (!membership) throw notFound("Member");
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const prefix = token.slice(0, 10);
  const row = await db.apiToken.create({
    data: { workspaceId: input.workspaceId, userId: input.userId, name: input.name, tokenHash: hashApiToken(token), prefix },
  });
  return { id: row.id, name: row.name, prefix, token };
}

export interface TokenCaller {
  userId: string;
  tokenId: string;
  workspaceId: string;
}

/**
 * The caller a bearer token stands for. Looked up by the SHA-256 of a 256-bit random token, so the
 * lookup time tells an attacker nothing usable.
 */
export async function callerFromApiToken(db: Db, token: string): Promise<TokenCaller> {
  if (!token.startsWith(TOKEN_PREFIX)) throw new AppError("UNAUTHORIZED", "Invalid API token");
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashApiToken(token) } });
  if (!row || row.revokedAt) throw new AppError("UNAUTHORIZED", "Invalid API token");
  const now = new Date();
  // Recording use at most once a minute keeps reads from writing on every request.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { userId: row.userId, tokenId: row.id, workspaceId: row.workspaceId };
}
