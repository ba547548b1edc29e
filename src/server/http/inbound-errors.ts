import { isRetryableConflict } from "@/server/db/conflict-retry";
import { unavailable } from "@/server/errors";
import { errorResponse } from "./errors";

/**
 * The error answer of the inbound mail routes. Providers drop mail on some 4xx answers, so a race
 * with a concurrent transaction (409 on other routes) answers 503 with Retry-After here: nothing
 * was stored, and the provider's retry succeeds.
 */
export function inboundErrorResponse(error: unknown) {
  return errorResponse(isRetryableConflict(error) ? unavailable() : error);
}
