// Whether an error means "the database is briefly unreachable" (answer 503, retry later) rather
// than "this request is wrong" or a bug. The errors arrive in several wrappings: pg's and pg-pool's
// plain Errors (no code), Node socket errors, PostgreSQL SQLSTATEs, @prisma/adapter-pg's
// DriverAdapterError (its `cause` a mapped error with `kind`) and Prisma's errors around those
// (`code` P…, the adapter error in `meta.driverAdapterError`).

/** SQLSTATEs of a server going away, starting up or out of connections (class 08 is checked apart). */
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EAI_AGAIN"]);
/** Can't reach server, server timed out, socket timeout, connection closed, pool timeout, too many connections. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
/** The adapter's mapped-error kinds for the same conditions. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "SocketTimeout", "ConnectionClosed", "TooManyConnections"]);
const MESSAGES = [
  "timeout exceeded when trying to connect", // pg-pool: no free connection within connectionTimeoutMillis
  "Connection terminated", // pg: "… unexpectedly", "… due to connection timeout"
  "is not queryable", // pg: a statement on a connection that already failed
  "Unable to start a transaction in the given time", // Prisma: transactionOptions.maxWait passed
];

const isUnavailableCode = (code: string) => SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || SOCKET_CODES.has(code) || PRISMA_CODES.has(code);

/** True for errors that mean the database is briefly unavailable: nothing was stored, retrying later should work. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 4) return false;
  const fields = error as { code?: unknown; originalCode?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: unknown };
  for (const code of [fields.code, fields.originalCode]) if (typeof code === "string" && isUnavailableCode(code)) return true;
  if (typeof fields.kind === "string" && ADAPTER_KINDS.has(fields.kind)) return true;
  const message = fields.message;
  if (typeof message === "string" && MESSAGES.some((text) => message.includes(text))) return true;
  const adapterError = (fields.meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError;
  return isDatabaseUnavailable(fields.cause, depth + 1) || isDatabaseUnavailable(adapterError, depth + 1);
}
