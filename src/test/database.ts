import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { openDatabase, setDatabase, wrapPGlite, type Db, type DatabaseHandle, type OpenOptions } from "@/server/db";
import { databaseConfig } from "@/server/db/config";
import { withDatabase } from "./global-setup";

/**
 * Whether the tests run on a database with several connections (PostgreSQL). A race — concurrent
 * requests, two workers on one job — is only a race there: PGlite has one connection and runs each
 * transaction after the other, so a race test would pass on it without the lock it is about. Such
 * tests run with `it.runIf(hasConcurrentConnections)` and say so in their title.
 */
export const hasConcurrentConnections = databaseConfig().kind === "postgres";

/** A test's database; on PostgreSQL also its URL, so app instances in other processes can share it. */
export type TestDatabase = DatabaseHandle & { url?: string };

/** A fresh migrated database of its own for one test file (PGlite, or PostgreSQL in CI); `options.onQuery` sees every statement. */
export async function createTestDatabase(options: OpenOptions = {}): Promise<TestDatabase> {
  const template = inject("dbTemplate");
  if (template.kind === "pglite") {
    const pglite = new PGlite({ loadDataDir: new Blob([fs.readFileSync(template.dumpPath)]) });
    return wrapPGlite(pglite, undefined, options);
  }
  const name = `threadline_test_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: template.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template.template}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(template.url, name);
  const handle = openDatabase({ kind: "postgres", url }, options);
  return {
    url,
    db: handle.db,
    listen: handle.listen,
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: template.url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/**
 * Gives the test file its own database, also as the app's `db()` (so route handlers use it).
 * Returns a getter, valid from beforeAll on.
 */
export function useTestDatabase(options: OpenOptions = {}): () => Db {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase(options);
    setDatabase(handle);
  });
  afterAll(async () => {
    setDatabase(undefined);
    await handle?.close();
  });
  return () => {
    if (!handle) throw new Error("useTestDatabase(): the database is ready in beforeAll");
    return handle.db;
  };
}
