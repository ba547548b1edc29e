// `npm start`: build if needed, migrate, seed the demo workspace into an empty database, serve.
// `npm run dev` does the same with `next dev`.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { appConfig } from "@/env";
import { configuredAuthSecret } from "@/server/auth/secret";
import { prepareDatabase } from "./prepare-database";

const dev = process.argv.includes("--dev");
const nextBin = path.resolve("node_modules/.bin/next");

/** Sessions need a signing secret; without one in the environment, keep a generated one in .data/. */
function ensureAuthSecret() {
  if (configuredAuthSecret()) return;
  const file = path.resolve(".data/auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  process.env.NEXTAUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}

/** The newest modification time among the files a build is made from. */
function newestSourceTime(entries = ["src", "public", "prisma/schema.prisma", "next.config.mjs", "package.json", "tailwind.config.ts"]): number {
  let newest = 0;
  for (const entry of entries) {
    const stat = fs.statSync(entry, { throwIfNoEntry: false });
    if (!stat) continue;
    newest = Math.max(newest, stat.isDirectory() ? newestSourceTime(fs.readdirSync(entry).map((name) => path.join(entry, name))) : stat.mtimeMs);
  }
  return newest;
}

/** Builds on the first start, and again when a source file changed since the last build. */
function buildIfNeeded() {
  if (dev) return;
  const built = fs.statSync(".next/BUILD_ID", { throwIfNoEntry: false });
  if (built && built.mtimeMs >= newestSourceTime()) return;
  console.log(built ? "Sources changed since the last build: building again…" : "Building the app (first start only)…");
  const result = spawnSync(nextBin, ["build"], { stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function main() {
  // First, so a bad setting stops the start (named, see main's catch) before a build or a migration.
  const { PORT, NEXTAUTH_URL } = appConfig();
  // Relay the first stop signal, once: when it went to the whole process group (Ctrl-C, systemd)
  // the server has it already and ignores the relayed copy; repeats change nothing. One that comes
  // before the server runs lets the database preparation finish and close cleanly first.
  let stopSignal: NodeJS.Signals | undefined;
  let server: ChildProcess | undefined = undefined;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopSignal) return;
      stopSignal = signal;
      server?.kill(signal);
    });
  }

  process.env.NEXT_TELEMETRY_DISABLED = "1";
  if (!NEXTAUTH_URL) process.env.NEXTAUTH_URL = `http://localhost:${PORT}`;
  ensureAuthSecret();
  buildIfNeeded();
  const handle = await prepareDatabase();
  await handle.close();
  if (stopSignal) process.exit(0);

  server = spawn(nextBin, [dev ? "dev" : "start", "-p", String(PORT)], {
    stdio: "inherit",
    env: {
      ...process.env,
      // The server closes the database itself on a stop signal (src/server/shutdown.ts)…
      NEXT_MANUAL_SIG_HANDLE: "true",
      // …and `next dev` must give it the time to, rather than killing it after 100 ms.
      NEXT_EXIT_TIMEOUT_MS: process.env.NEXT_EXIT_TIMEOUT_MS ?? "15000",
    },
  });
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
