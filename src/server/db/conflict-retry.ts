import { setTimeout as sleep } from "node:timers/promises";
import { unavailable } from "@/server/errors";

// Unique violation, serialization failure, deadlock: another transaction got there first, and the
// same work run again (seeing that transaction's result) succeeds.
const RETRYABLE_SQLSTATES = new Set(["23505", "40001", "40P01"]);
const SQLSTATE_OF_KIND: Record<string, string> = { UniqueConstraintViolation: "23505", TransactionWriteConflict: "40001" };

interface DriverAdapterErrorLike {
  name?: unknown;
  cause?: { kind?: unknown; code?: unknown; originalCode?: unknown };
}

/**
 * The PostgreSQL SQLSTATE of a failed query, on both adapters: model queries carry it in
 * `meta.driverAdapterError` (P2002, P2034) or throw the DriverAdapterError itself (unmapped codes),
 * raw queries wrap it in P2010. The PGlite adapter maps codes without keeping `originalCode`.
 */
export function sqlStateOf(error: unknown): string | undefined {
  const candidate = error as { meta?: { driverAdapterError?: DriverAdapterErrorLike } } & DriverAdapterErrorLike;
  const driverError = candidate?.meta?.driverAdapterError ?? (candidate?.name === "DriverAdapterError" ? candidate : undefined);
  const cause = driverError?.cause;
  if (!cause) return undefined;
  if (typeof cause.originalCode === "string") return cause.originalCode;
  if (cause.kind === "postgres" && typeof cause.code === "string") return cause.code;
  return typeof cause.kind === "string" ? SQLSTATE_OF_KIND[cause.kind] : undefined;
}

/** A conflict with a concurrent transaction that running the transaction again resolves. */
export function isRetryableConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "P2002" || code === "P2034") return true;
  // The driver's own error (statements run without Prisma, see sqlTransaction) carries the SQLSTATE itself.
  if (typeof code === "string" && RETRYABLE_SQLSTATES.has(code)) return true;
  const state = sqlStateOf(error);
  return state !== undefined && RETRYABLE_SQLSTATES.has(state);
}

export interface ConflictRetryOptions {
  attempts?: number;
  /** The first pause; each next one doubles, each jittered to 50–150 % so racers spread out. */
  baseDelayMs?: number;
}

/**
 * Runs `work` (a whole transaction: a conflict aborts it, so only running all of it again helps)
 * and runs it again after a short jittered pause when it lost a race. A conflict that outlives the
 * attempts is `unavailable()` (503 with Retry-After): nothing was stored, and the request sent
 * again later succeeds.
 */
export async function retryOnConflict<T>(work: () => Promise<T>, options: ConflictRetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 4;
  const baseDelayMs = options.baseDelayMs ?? 25;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isRetryableConflict(error)) throw error;
      if (attempt >= attempts) throw unavailable("A concurrent change conflicted with this request; nothing was stored. Retry shortly.");
      await sleep(baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random()));
    }
  }
}
