import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { databaseConfig } from "@/server/db/config";
import { runMigrations } from "@/server/db/migrate";

export type DbTemplate = { kind: "pglite"; dumpPath: string } | { kind: "postgres"; url: string; template: string };

declare module "vitest" {
  export interface ProvidedContext {
    dbTemplate: DbTemplate;
  }
}

// Per run, so concurrent test runs against one server do not drop each other's template.
const TEMPLATE_DB = `threadline_test_template_${process.pid}`;

/**
 * Migrates one database with `prisma migrate deploy` for the whole run; every test file then gets
 * its own copy: a PGlite loaded from a dump of it, or a PostgreSQL database made from it as a
 * template (when DATABASE_URL names a PostgreSQL server).
 */
export default async function setup(project: TestProject) {
  const config = databaseConfig();
  if (config.kind === "postgres") {
    const admin = new pg.Client({ connectionString: config.url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    await runMigrations(withDatabase(config.url, TEMPLATE_DB));
    project.provide("dbTemplate", { kind: "postgres", url: config.url, template: TEMPLATE_DB });
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
      await admin.end();
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "threadline-test-"));
  const dataDir = path.join(dir, "template");
  await runMigrations(`file:${dataDir}`);
  // dumpDataDir does not wait for PGlite to be ready: create() does.
  const pglite = await PGlite.create(dataDir);
  const dump = await pglite.dumpDataDir("none");
  await pglite.close();
  const dumpPath = path.join(dir, "template.tar");
  fs.writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  project.provide("dbTemplate", { kind: "pglite", dumpPath });
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
