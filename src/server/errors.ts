export type AppErrorCode =
  "BAD_REQUEST" | "VALIDATION" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "PAYLOAD_TOO_LARGE" | "RATE_LIMITED" | "UNAVAILABLE" | "INTERNAL";

/** The one error services throw; normalizeError turns any other into it, and transports map its code (http/errors.ts, api/trpc.ts). */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/**
 * A passing condition (the database unreachable, a conflict that outlived its retries): nothing was
 * stored, and the same request sent again later should succeed. Answered 503 with Retry-After.
 */
export const unavailable = (message = "The service is briefly unavailable; nothing was stored. Retry shortly.") => new AppError("UNAVAILABLE", message);

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found`);
export const forbidden = (message = "Your role does not allow this") => new AppError("FORBIDDEN", message);

/** Prisma's unique-constraint violation (P2002), for services that turn it into a CONFLICT. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2002";
}
