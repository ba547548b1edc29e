import { NextResponse } from "next/server";
import type { AppErrorCode } from "@/server/errors";
import { normalizeError } from "@/server/normalize-error";
import { retryAfterOf } from "@/server/rate-limit/rate-limit";

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION: 422,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** Seconds a client should wait before sending a request that answered 503 again. */
export const RETRY_AFTER_SECONDS = 5;

export function jsonError(status: number, code: string, message: string, details?: unknown, retryAfterSeconds?: number) {
  const retryAfter = retryAfterSeconds ?? (status === 503 ? RETRY_AFTER_SECONDS : undefined);
  const headers = retryAfter === undefined ? undefined : { "Retry-After": String(retryAfter) };
  return NextResponse.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, { status, headers });
}

/** Every REST error answer goes through here: `{error: {code, message, details}}` with the right status. */
export function errorResponse(error: unknown) {
  const appError = normalizeError(error);
  if (appError) {
    return jsonError(HTTP_STATUS[appError.code], appError.code, appError.message, appError.details, retryAfterOf(appError) ?? undefined);
  }
  console.error("Unhandled error in route handler", error);
  return jsonError(500, "INTERNAL", "Internal server error");
}
