import { getToken } from "next-auth/jwt";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { callerFromApiToken } from "./api-tokens";
import { authSecret } from "./secret";
import { isSessionCurrent } from "./sessions";

/** Who is calling: a signed-in browser session, or an API token bound to one workspace. */
export type Caller = { kind: "session"; userId: string } | { kind: "token"; userId: string; tokenId: string; workspaceId: string };

function parseCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header?.split(";") ?? []) {
    const index = part.indexOf("=");
    if (index > 0) cookies.set(part.slice(0, index).trim(), decodeURIComponent(part.slice(index + 1).trim()));
  }
  return cookies;
}

/** The next-auth session's user id from the request's cookies, or null (also for an ended session). */
export async function sessionUserId(db: Db, headers: Headers): Promise<string | null> {
  const cookies = parseCookies(headers.get("cookie"));
  // Only cookies are given: next-auth would otherwise read an API token as a session JWT.
  const secure = [...cookies.keys()].some((name) => name.startsWith("__Secure-next-auth.session-token"));
  const jwt = await getToken({ req: { cookies, headers: {} } as never, secret: authSecret(), secureCookie: secure });
  if (!jwt || !(await isSessionCurrent(db, jwt))) return null;
  return typeof jwt.sub === "string" ? jwt.sub : null;
}

/** Resolves the caller from `Authorization: Bearer` or the session cookie; null when neither. */
export async function resolveCaller(db: Db, headers: Headers): Promise<Caller | null> {
  const authorization = headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match?.[1]) throw new AppError("UNAUTHORIZED", "Authorization must be `Bearer <token>`");
    return { kind: "token", ...(await callerFromApiToken(db, match[1])) };
  }
  const userId = await sessionUserId(db, headers);
  return userId ? { kind: "session", userId } : null;
}
