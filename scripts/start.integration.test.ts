import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseConfig } from "@/server/db/config";

// `npm start` on the embedded database, stopped the way an operator stops it: one SIGTERM to the
// npm process, or one to its whole process group (Ctrl-C in a terminal, systemd). Each stop must
// close the server and PGlite cleanly and remove the lock; the next start must find every row.

const run = promisify(execFile);
let dir: string;
let dataDir: string;
let workspaceId: string;
let token: string;
const markers: string[] = [];
/** From the SIGTERM to npm's exit, and the server's own closing time (it prints it). */
const durations: Record<string, number[]> = {};
const closeDurations: Record<string, number[]> = {};

// The server runs as in production: its job poller on, the settings of a fresh machine.
const { JOB_WORKER: _jobWorker, ...environment } = process.env;

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `npm start` in a process group of its own (as a terminal or systemd would run it). */
async function start(readyWithinMs: number) {
  const port = await freePort();
  const child = spawn("npm", ["start"], {
    detached: true,
    env: { ...environment, DATABASE_URL: `file:${dataDir}`, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const pid = child.pid ?? 0;
  const killGroup = () => {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyWithinMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`npm start exited before it served:\n${output}`);
    if (Date.now() > deadline) {
      killGroup();
      throw new Error(`npm start did not answer within ${readyWithinMs} ms:\n${output}`);
    }
    const status = await fetch(`${url}/api/health`).then(
      async (response) => (await response.text(), response.status),
      () => 0,
    );
    if (status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { pid, url, exited, killGroup, output: () => output };
}

/** The live (not zombie) processes of a process group, read from /proc. */
function groupMembers(pgid: number): number[] {
  return fs.readdirSync("/proc").flatMap((entry) => {
    let stat = "";
    try {
      if (/^\d+$/.test(entry)) stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      // Gone since the listing.
    }
    // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return stat && state !== "Z" && Number(pgrp) === pgid ? [Number(entry)] : [];
  });
}

/** Waits (bounded) until every process `npm start` left behind is gone; answers whether they went. */
async function groupGone(pgid: number, withinMs = 15_000): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (groupMembers(pgid).length > 0) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

/** Whether PostgreSQL recorded a clean shutdown in pg_control (DBState DB_SHUTDOWNED = 1). */
function shutDownCleanly(): boolean {
  return fs.readFileSync(path.join(dataDir, "global", "pg_control")).readUInt32LE(16) === 1;
}

async function tagNames(): Promise<string[]> {
  const pglite = new PGlite(dataDir);
  try {
    const { rows } = await pglite.query<{ name: string }>(`SELECT name FROM "Tag" WHERE name LIKE 'shutdown-%' ORDER BY "createdAt"`);
    return rows.map((row) => row.name);
  } finally {
    await pglite.close();
  }
}

/** Starts, writes a row, sends one SIGTERM; answers what went wrong (nothing, on a clean stop). */
async function startWriteAndStop(target: "npm" | "group", round: number): Promise<string[]> {
  const app = await start(120_000);
  try {
    const marker = `shutdown-${target}-${round}`;
    const created = await fetch(`${app.url}/api/v1/workspaces/${workspaceId}/tags`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ name: marker }),
    });
    expect(created.status, `${await created.text()}\n${app.output()}`).toBe(201);
    markers.push(marker);

    const stopped = Date.now();
    process.kill(target === "npm" ? app.pid : -app.pid, "SIGTERM");
    const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 60_000));
    const exit = await Promise.race([app.exited, timeout]);
    (durations[target] ??= []).push(Date.now() - stopped);
    const closedIn = app.output().match(/Closed in (\d+) ms/);
    if (closedIn) (closeDurations[target] ??= []).push(Number(closedIn[1]));

    const problems: string[] = [];
    if (exit === "timeout" || exit.code !== 0) problems.push(`exit ${JSON.stringify(exit)}`);
    if (!(await groupGone(app.pid))) problems.push("the server still runs 15 s after npm exited");
    if (fs.existsSync(`${dataDir}.lock`)) problems.push("lock file left");
    if (!shutDownCleanly()) problems.push("PGlite not shut down cleanly");
    const names = await tagNames();
    if (names.join() !== markers.join()) problems.push(`rows ${names.join()} instead of ${markers.join()}`);
    return problems.map((problem) => `round ${round}: ${problem}`);
  } finally {
    app.killGroup();
  }
}

describe.runIf(databaseConfig().kind === "pglite")("npm start on the embedded database, stopped by one SIGTERM", () => {
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "threadline-start-"));
    dataDir = path.join(dir, "pglite");
    const env = { ...environment, DATABASE_URL: `file:${dataDir}` };
    const admin = (...args: string[]) => run(process.execPath, ["--import", "tsx", "scripts/admin.ts", ...args], { env });
    // The admin command migrates and seeds the demo workspace; its owner's token writes the rows.
    workspaceId = (JSON.parse((await admin("workspace", "show", "demo")).stdout) as { id: string }).id;
    token = (await admin("token", "create", "--workspace", "demo", "--email", "owner@demo.test")).stdout.trim();
    // The first start builds the app when there is no build of the current sources (minutes).
    const app = await start(15 * 60_000);
    process.kill(app.pid, "SIGTERM");
    await app.exited;
    await groupGone(app.pid);
    app.killGroup();
  }, 16 * 60_000);

  afterAll(() => {
    const summary = (list: number[]) => `${list.join(", ")} ms (median ${[...list].sort((a, b) => a - b)[list.length >> 1]} ms)`;
    for (const [target, list] of Object.entries(durations)) {
      console.log(`SIGTERM to the ${target}: ${list.length} stops, npm exited after ${summary(list)}`);
      console.log(`  the server closed HTTP, jobs and PGlite in ${summary(closeDurations[target] ?? [])}`);
    }
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const target of ["npm", "group"] as const) {
    it(
      `closes the server and PGlite and removes the lock, 10 times in a row (SIGTERM to the ${target === "npm" ? "npm process" : "process group"})`,
      async () => {
        const problems: string[] = [];
        for (let round = 1; round <= 10; round++) {
          try {
            problems.push(...(await startWriteAndStop(target, round)));
          } catch (error) {
            // Typically a server of an earlier round that still holds the database.
            const lines = String(error).split("\n").filter(Boolean);
            problems.push(`round ${round}: ${lines[0]} … ${lines.at(-1)}`);
            break;
          }
        }
        expect(problems).toEqual([]);
      },
      20 * 60_000,
    );
  }
});
