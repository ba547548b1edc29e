import { execFile, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { databaseConfig } from "@/server/db/config";
import { withDatabase } from "@/test/global-setup";

const run = promisify(execFile);
const tsx = path.resolve("node_modules/.bin/tsx");

/**
 * A fresh database for a benchmark: a temporary PGlite folder, or a new database on DATABASE_URL's
 * server (`keep`: the one an earlier run left there, if any).
 */
export async function freshBenchDatabase(name: string, options: { keep?: boolean } = {}): Promise<{ url: string; label: string }> {
  const config = databaseConfig();
  if (config.kind === "pglite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `threadline-${name}-`));
    return { url: `file:${path.join(dir, "pglite")}`, label: "PGlite (embedded)" };
  }
  const admin = new pg.Client({ connectionString: config.url });
  await admin.connect();
  const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [`threadline_${name}`])).rowCount === 1;
  if (!(options.keep && exists)) {
    await admin.query(`DROP DATABASE IF EXISTS threadline_${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE threadline_${name}`);
  }
  const version = (await admin.query<{ server_version: string }>("SHOW server_version")).rows[0]?.server_version;
  await admin.end();
  return { url: withDatabase(config.url, `threadline_${name}`), label: `PostgreSQL ${version}` };
}

/** Migrates and seeds through the admin command, and answers the demo workspace as it prints it. */
export async function demoWorkspace(databaseUrl: string) {
  const { stdout } = await run(tsx, ["scripts/admin.ts", "workspace", "show", "demo"], { env: { ...process.env, DATABASE_URL: databaseUrl } });
  return JSON.parse(stdout) as { id: string; mailboxes: { address: string; purpose: string; secret: string }[] };
}

/** A new API token of the demo workspace's user `email` (the database must not be open elsewhere: PGlite). */
export async function demoToken(databaseUrl: string, email: string): Promise<string> {
  const { stdout } = await run(tsx, ["scripts/admin.ts", "token", "create", "--workspace", "demo", "--email", email], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  return stdout.trim();
}

/** `npm start` on that database; resolves once it answers HTTP. */
export async function startServer(databaseUrl: string, port: number, env: Record<string, string> = {}): Promise<{ url: string; stop: () => Promise<void> }> {
  // Limits too high to refuse anything: the benchmarks measure throughput, the limiter's check included.
  const limits = { RATE_LIMIT_INBOUND_PER_WORKSPACE: "1000000000", RATE_LIMIT_INBOUND_PER_SECRET: "1000000000", RATE_LIMIT_API_PER_TOKEN: "1000000000" };
  const child: ChildProcess = spawn(tsx, ["scripts/start.ts"], {
    env: { ...process.env, ...limits, ...env, DATABASE_URL: databaseUrl, PORT: String(port), NEXTAUTH_SECRET: "bench" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 240_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/signin`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error("The server did not start");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Runs `tasks` with at most `concurrency` at a time; answers each one's latency in ms. */
export async function runConcurrently(count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++;
        const started = performance.now();
        await task(index);
        latencies.push(performance.now() - started);
      }
    }),
  );
  return latencies.sort((a, b) => a - b);
}

let pgStatements: number | null = null;

/**
 * How many statements this process's pg clients (Prisma's adapter included) have sent: the round
 * trips on the wire. Counting starts at the first call; read it before and after the measured work.
 */
export function pgStatementsSent(): number {
  if (pgStatements === null) {
    pgStatements = 0;
    const clientProto = pg.Client.prototype as unknown as { query: (this: pg.Client, ...args: unknown[]) => unknown };
    const clientQuery = clientProto.query;
    clientProto.query = function (this: pg.Client, ...args: unknown[]) {
      pgStatements!++;
      return clientQuery.apply(this, args);
    };
  }
  return pgStatements;
}
