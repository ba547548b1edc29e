import pg from "pg";

export interface PoolCounts {
  /** Connections open (idle or checked out). */
  total: number;
  idle: number;
  /** Requests waiting for a connection. */
  waiting: number;
}

export interface PostgresPoolOptions {
  max: number;
  /** Bounds both waiting for a free connection and opening a new one. */
  connectTimeoutMs: number;
}

/** Idle connections are closed after this long, so a quiet instance holds few. */
const IDLE_TIMEOUT_MS = 30_000;

const ENDS_TRANSACTION = /^\s*(COMMIT|ROLLBACK)\b/i;

function statementText(query: unknown): string {
  if (typeof query === "string") return query;
  const text = (query as { text?: unknown } | null)?.text;
  return typeof text === "string" ? text : "";
}

/**
 * Makes a checked-out connection come back to the pool exactly once, destroyed when it is broken.
 *
 * @prisma/adapter-pg 6.19.3 ends an interactive transaction by sending COMMIT/ROLLBACK as a
 * statement and releasing the connection only when that statement succeeded; when it fails (the
 * database went away mid-transaction) the connection is never released, and a short outage under
 * load leaks the whole pool. So a failed COMMIT/ROLLBACK, or any failed statement on a connection
 * that reported an error, releases it here with the error (pg.Pool then closes it); the adapter's
 * own later release, if any, is ignored.
 */
function guardCheckout(client: pg.PoolClient): pg.PoolClient {
  const poolRelease = client.release.bind(client);
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  let broken: Error | undefined;
  let released = false;
  // A checked-out connection that dies between statements emits 'error'; unheard, it would crash the process.
  const onError = (error: Error) => {
    broken = error;
  };
  client.on("error", onError);

  client.release = (error?: Error | boolean) => {
    if (released) return;
    released = true;
    client.removeListener("error", onError);
    // Back to pg.Client's own query(): the pool hands this connection out again.
    Reflect.deleteProperty(client, "query");
    poolRelease(error || broken);
  };
  client.query = ((...args: unknown[]) => {
    const result = query(...args);
    if (!(result instanceof Promise)) return result;
    return result.catch((error: unknown) => {
      if (broken || ENDS_TRANSACTION.test(statementText(args[0]))) {
        client.release(broken ?? (error instanceof Error ? error : new Error(String(error))));
      }
      throw error;
    });
  }) as typeof client.query;
  return client;
}

/** pg.Pool whose checked-out connections are guarded (see guardCheckout). */
class GuardedPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: (error: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): void;
  override connect(
    callback?: (error: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void,
  ): Promise<pg.PoolClient> | void {
    // pool.query() checks out with a callback and releases with the error itself.
    if (callback) return super.connect(callback);
    return super.connect().then(guardCheckout);
  }
}

/** The app's connection pool to a real PostgreSQL server (handed to Prisma's driver adapter). */
export function createPostgresPool(url: string, options: PostgresPoolOptions): pg.Pool {
  const pool = new GuardedPool({
    connectionString: url,
    max: options.max,
    connectionTimeoutMillis: options.connectTimeoutMs,
    idleTimeoutMillis: IDLE_TIMEOUT_MS,
    // Notices, in minutes rather than hours, a server that vanished without closing the connection
    // (a network partition), which would otherwise leave a statement waiting forever.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    // Columns are timestamps without time zone holding UTC; now() written into them must be UTC too.
    options: "-c TimeZone=UTC",
  });
  // An idle connection that fails (the server restarted) is already dropped by the pool; without a
  // listener the 'error' event would crash the process.
  pool.on("error", (error) => console.error(`PostgreSQL: an idle connection failed and was closed: ${error.message}`));
  return pool;
}

export function poolCounts(pool: pg.Pool): PoolCounts {
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}
