import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/generated/prisma/client";
import { appConfig } from "@/env";
import { unavailable } from "@/server/errors";
import { databaseConfig, type DatabaseConfig } from "./config";
import { PGliteAdapterFactory } from "./pglite-adapter";
import { once, openDatabaseFolder } from "./pglite-folder";
import { listenOnPostgres, type NotificationHandlers } from "./postgres-listener";
import { createPostgresPool, poolCounts, type PoolCounts } from "./postgres-pool";
import type { PGlite } from "@electric-sql/pglite";
import { pgliteDriver, poolDriver, type Opening, type OpeningRows, type SqlDriver, type SqlParam, type SqlRunner, type SqlStatement } from "./sql-transaction";

export type Db = PrismaClient;
export type { Prisma } from "@/generated/prisma/client";
export type { PoolCounts } from "./postgres-pool";
export type { SqlRunner } from "./sql-transaction";
export type { NotificationHandlers } from "./postgres-listener";

/** Stops a LISTEN. */
export type Unlisten = () => Promise<void>;

export interface DatabaseHandle {
  db: Db;
  close: () => Promise<void>;
  /** The connection pool's counts (PostgreSQL only: PGlite is one in-process connection). */
  poolCounts?: () => PoolCounts;
  /**
   * LISTENs on `channel` (NOTIFY sent by any connection, any instance, on commit): PostgreSQL on a
   * dedicated connection that comes back after a loss, PGlite in-process. Closing the handle stops it.
   */
  listen: (channel: string, handlers: NotificationHandlers) => Promise<Unlisten>;
}

/** Keeps the handle's listeners, so closing it stops them (a LISTEN connection would keep the process alive). */
function listeners() {
  const open = new Set<Unlisten>();
  return {
    add(unlisten: Unlisten): Unlisten {
      const stop = once(async () => {
        open.delete(stop);
        await unlisten();
      });
      open.add(stop);
      return stop;
    },
    stopAll: () => Promise.all([...open].map((stop) => stop())),
  };
}

/** One SQL statement the client sent, as Prisma reports it (benchmarks explain what the services run). */
export interface SentQuery {
  query: string;
  /** The statement's parameters, as a JSON array. */
  params: string;
}

export interface OpenOptions {
  /** Called with every statement sent; off unless given (it costs a little per query). */
  onQuery?: (query: SentQuery) => void;
  /** PostgreSQL: the pool's size, instead of DATABASE_POOL_MAX (tests of a small pool under load). */
  poolMax?: number;
}

const queryLog = (options: OpenOptions): { log: Prisma.LogDefinition[] } => ({ log: options.onQuery ? [{ emit: "event", level: "query" }] : [] });

function listenForQueries(db: Db, options: OpenOptions) {
  if (options.onQuery) (db as unknown as { $on(event: "query", listener: (query: SentQuery) => void): void }).$on("query", options.onQuery);
}

/**
 * The driver under each open client, for the hot paths that skip Prisma (see sqlTransaction). On
 * globalThis, like the client itself: Next.js may load this module once per bundle.
 */
const drivers = ((globalThis as unknown as { threadlineSqlDrivers?: WeakMap<Db, SqlDriver> }).threadlineSqlDrivers ??= new WeakMap());

const statementListener = (options: OpenOptions) => (options.onQuery ? (query: string) => options.onQuery!({ query, params: "[]" }) : undefined);

/**
 * Runs `run` in one transaction straight on the driver (pg or PGlite), for paths whose every round
 * trip counts (inbound mail): `opening` travels with BEGIN, statements are prepared once per
 * connection, and Prisma's per-call overhead is skipped. The rest of the app uses Prisma.
 */
export function sqlTransaction<T>(db: Db, opening: Opening, run: (sql: SqlRunner, rows: OpeningRows) => Promise<T>): Promise<T> {
  return driverOf(db).transaction(opening, run);
}

/** One statement straight on the driver, outside any transaction (see sqlTransaction). */
export function sqlQuery<T extends object>(db: Db, statement: SqlStatement, params: SqlParam[]): Promise<T[]> {
  return driverOf(db).query<T>(statement, params);
}

function driverOf(db: Db): SqlDriver {
  const driver = drivers.get(db);
  if (!driver) throw new Error("Statements on the driver need a client opened by openDatabase or wrapPGlite");
  return driver;
}

/** How long closing waits for checked-out connections to come back before it lets the process go. */
const POOL_END_WAIT_MS = 5_000;

/** Opens the database DATABASE_URL names. The only place that knows PGlite from PostgreSQL. */
export function openDatabase(config: DatabaseConfig = databaseConfig(), options: OpenOptions = {}): DatabaseHandle {
  if (config.kind === "postgres") {
    const { DATABASE_POOL_MAX, DATABASE_CONNECT_TIMEOUT_MS } = appConfig();
    const pool = createPostgresPool(config.url, { max: options.poolMax ?? DATABASE_POOL_MAX, connectTimeoutMs: DATABASE_CONNECT_TIMEOUT_MS });
    const db = new PrismaClient({
      adapter: new PrismaPg(pool),
      // maxWait outlasts the pool's own wait for a connection (which fails the request first): when
      // Prisma gave up on a start the adapter then finished, the connection stayed checked out, idle
      // in transaction, for good (and a stop signal waited for it forever).
      transactionOptions: { maxWait: 2 * DATABASE_CONNECT_TIMEOUT_MS, timeout: 20_000 },
      ...queryLog(options),
    });
    listenForQueries(db, options);
    drivers.set(db, poolDriver(pool, statementListener(options)));
    const open = listeners();
    return {
      db,
      listen: async (channel, handlers) => open.add(await listenOnPostgres(config.url, channel, handlers, DATABASE_CONNECT_TIMEOUT_MS)),
      close: once(async () => {
        await open.stopAll();
        await db.$disconnect();
        // pool.end() waits for every checked-out connection; one that is never given back must not hold a stop signal forever.
        await Promise.race([pool.end(), new Promise((resolve) => setTimeout(resolve, POOL_END_WAIT_MS).unref())]);
      }),
      poolCounts: () => poolCounts(pool),
    };
  }
  const folder = openDatabaseFolder(config.dataDir);
  return wrapPGlite(folder.pglite, folder.close, options);
}

/** A PrismaClient over an open PGlite (the test harness loads one from a dump). */
export function wrapPGlite(pglite: PGlite, closePGlite: () => Promise<void> = () => pglite.close(), options: OpenOptions = {}): DatabaseHandle {
  const db = new PrismaClient({
    adapter: new PGliteAdapterFactory(pglite),
    // PGlite runs one transaction at a time, so a transaction may wait long for its turn.
    transactionOptions: { maxWait: 60_000, timeout: 60_000 },
    ...queryLog(options),
  });
  listenForQueries(db, options);
  drivers.set(db, pgliteDriver(pglite, statementListener(options)));
  const open = listeners();
  return {
    db,
    // One connection, no loss: nothing is ever missed, so onGap is never called.
    listen: async (channel, handlers) => open.add(await pglite.listen(channel, handlers.onPayload)),
    close: once(async () => {
      await open.stopAll();
      await db.$disconnect();
      await closePGlite();
    }),
  };
}

const globalForDb = globalThis as unknown as { threadlineDb?: DatabaseHandle; threadlineDbClosed?: boolean };

/** The process's one database client, opened on first use (so `next build` never opens it). */
export function db(): Db {
  // Once the shutdown closed it, a late caller must not open it again (and take the lock back).
  if (globalForDb.threadlineDbClosed) throw unavailable("The server is shutting down; nothing was stored. Retry shortly.");
  globalForDb.threadlineDb ??= openDatabase();
  return globalForDb.threadlineDb.db;
}

/** Makes `db()` answer with the given handle (tests, scripts that opened the database themselves). */
export function setDatabase(handle: DatabaseHandle | undefined): void {
  globalForDb.threadlineDb = handle;
  globalForDb.threadlineDbClosed = false;
}

/** The pool counts of the process's database, when it is PostgreSQL (GET /api/health reports them). */
export function databasePoolCounts(): PoolCounts | undefined {
  return globalForDb.threadlineDb?.poolCounts?.();
}

/** LISTENs on the process's database (see DatabaseHandle.listen); opens it on first use, as `db()` does. */
export function listenToDatabase(channel: string, handlers: NotificationHandlers): Promise<Unlisten> {
  db();
  return globalForDb.threadlineDb!.listen(channel, handlers);
}

/** Closes the process's database for good: `db()` answers UNAVAILABLE from now on. */
export async function closeDatabase(): Promise<void> {
  globalForDb.threadlineDbClosed = true;
  const handle = globalForDb.threadlineDb;
  globalForDb.threadlineDb = undefined;
  await handle?.close();
}
