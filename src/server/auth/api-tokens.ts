import { createHash, randomBytes } from "node:crypto";
import type { ApiToken } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { requireOwner, type WorkspaceAccess } from "./access";
import { appConfig } from "@/env";
import { AppError, notFound } from "@/server/errors";
import { isUuid } from "@/server/ids";
import { enforceRateLimits } from "@/server/rate-limit/rate-limit";

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

/** Issues a bearer token to a member of the workspace (the admin command; `createApiToken` for callers). */
export async function issueApiToken(db: Db, input: { workspaceId: string; userId: string; name: string }): Promise<CreatedApiToken> {
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

/** A token of the caller's own, for the workspace; owners only. */
export async function createApiToken(db: Db, access: WorkspaceAccess, input: { name: string }): Promise<CreatedApiToken> {
  requireOwner(access);
  return issueApiToken(db, { workspaceId: access.workspace.id, userId: access.user.id, name: input.name });
}

/** A token as its owner sees it in a list: never the token, only its first characters. */
export function presentApiToken(row: ApiToken) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
export type ApiTokenDto = ReturnType<typeof presentApiToken>;

/** The user's own tokens for the workspace, newest first. */
export async function listApiTokens(db: Db, access: WorkspaceAccess): Promise<ApiTokenDto[]> {
  const rows = await db.apiToken.findMany({
    where: { workspaceId: access.workspace.id, userId: access.user.id },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return rows.map(presentApiToken);
}

/** Revokes one of the caller's tokens for the workspace (owners only); every later request with it gets 401. */
export async function revokeApiToken(db: Db, access: WorkspaceAccess, tokenId: string): Promise<ApiTokenDto> {
  requireOwner(access);
  const where = { id: tokenId, workspaceId: access.workspace.id, userId: access.user.id };
  const row = isUuid(tokenId) ? await db.apiToken.findFirst({ where }) : null;
  if (!row) throw notFound("API token");
  if (row.revokedAt) return presentApiToken(row);
  await db.apiToken.updateMany({ where: { ...where, revokedAt: null }, data: { revokedAt: new Date() } });
  return presentApiToken(await db.apiToken.findUniqueOrThrow({ where: { id: tokenId } }));
}

export interface TokenCaller {
  userId: string;
  tokenId: string;
  workspaceId: string;
}

/**
 * The caller a bearer token stands for (every REST request with a token comes through here, so its
 * rate limit is counted here, RATE_LIMITED past it). Looked up by the SHA-256 of a 256-bit random
 * token, so the lookup time tells an attacker nothing usable.
 */
export async function callerFromApiToken(db: Db, token: string): Promise<TokenCaller> {
  if (!token.startsWith(TOKEN_PREFIX)) throw new AppError("UNAUTHORIZED", "Invalid API token");
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashApiToken(token) } });
  if (!row || row.revokedAt) throw new AppError("UNAUTHORIZED", "Invalid API token");
  const { RATE_LIMIT_API_PER_TOKEN, RATE_LIMIT_API_WINDOW_SECONDS } = appConfig();
  await enforceRateLimits(db, [{ key: `api:token:${row.id}`, max: RATE_LIMIT_API_PER_TOKEN, windowSeconds: RATE_LIMIT_API_WINDOW_SECONDS }]);
  const now = new Date();
  // Recording use at most once a minute keeps reads from writing on every request.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { userId: row.userId, tokenId: row.id, workspaceId: row.workspaceId };
}
