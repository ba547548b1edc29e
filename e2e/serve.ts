// The server the e2e tests run against: `npm start` on a fresh database of its own (an embedded one
// in .data/e2e, or a new database on the PostgreSQL server DATABASE_URL names).
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { databaseConfig } from "@/server/db/config";
import { withDatabase } from "@/test/global-setup";

async function freshDatabaseUrl(): Promise<string> {
  const config = databaseConfig();
  if (config.kind === "pglite") {
    fs.rmSync(".data/e2e", { recursive: true, force: true });
    return `file:${path.resolve(".data/e2e/pglite")}`;
  }
  const admin = new pg.Client({ connectionString: config.url });
  await admin.connect();
  await admin.query("DROP DATABASE IF EXISTS threadline_e2e WITH (FORCE)");
  await admin.query("CREATE DATABASE threadline_e2e");
  await admin.end();
  return withDatabase(config.url, "threadline_e2e");
}

// `npm start` in this very process (no relay in between): Playwright stops it with one SIGTERM to
// the process group.
process.env.DATABASE_URL = await freshDatabaseUrl();
process.env.NEXTAUTH_SECRET = "e2e-session-secret";
await import("../scripts/start");
