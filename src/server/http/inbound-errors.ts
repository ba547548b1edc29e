import { ZodError } from "zod";
import { isRetryableConflict } from "@/server/db/conflict-retry";
import { AppError, unavailable } from "@/server/errors";
import { normalizeError } from "@/server/normalize-error";
import { errorResponse, HTTP_STATUS, jsonError } from "./errors";

/**
 * The error answer of the inbound mail routes. Providers drop mail on some 4xx answers, so only the
 * sender's own faults answer 4xx: an error raised on purpose (AppError) or by the body's schema. A
 * race with a concurrent transaction (409 on other routes) answers 503 with Retry-After: nothing was
 * stored, and the provider's retry succeeds. Any other database error other routes answer 4xx (a
 * malformed value, 22P02 or P2023, is 404 where it came from the URL) is ours here: 500, retried.
 */
export function inboundErrorResponse(error: unknown) {
  if (isRetryableConflict(error)) return errorResponse(unavailable());
  if (error instanceof AppError || error instanceof ZodError) return errorResponse(error);
  const normalized = normalizeError(error);
  if (normalized && HTTP_STATUS[normalized.code] < 500) {
    console.error("Unhandled error in inbound route", error);
    return jsonError(500, "INTERNAL", "Internal server error");
  }
  return errorResponse(error);
}
