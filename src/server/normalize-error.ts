import { ZodError } from "zod";
import { sqlStateOf } from "@/server/db/conflict-retry";
import { isDatabaseUnavailable } from "@/server/db/unavailable";
import { AppError, isUniqueViolation, notFound, unavailable } from "@/server/errors";
import { zodFieldErrors } from "@/server/http/zod-field-errors";

const CONFLICT_MESSAGE = "A record with these values already exists";

/**
 * A value PostgreSQL cannot read as its column's type (SQLSTATE 22P02: `not-a-uuid` for a uuid
 * column; Prisma's own engine says P2023). Ids are UUIDs, so such a value names no row.
 */
const isMalformedValue = (error: unknown) => (error as { code?: unknown } | null)?.code === "P2023" || sqlStateOf(error) === "22P02";

/**
 * The AppError any thrown error stands for, the one rule both transports answer by (REST in
 * http/errors.ts, tRPC in api/trpc.ts); null for an error no rule knows, which is a bug (500).
 */
export function normalizeError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return new AppError("VALIDATION", "Invalid input", zodFieldErrors(error));
  if (isDatabaseUnavailable(error)) return unavailable();
  if (isUniqueViolation(error)) return new AppError("CONFLICT", CONFLICT_MESSAGE);
  if (isMalformedValue(error)) return notFound("Record");
  return null;
}
