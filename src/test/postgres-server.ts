import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * A PostgreSQL server of a test's own on loopback, which the test may stop and start again (an
 * outage). Fault tests cannot stop the server the rest of the suite shares. Runs as a non-root
 * user: PostgreSQL refuses root.
 */
export interface PostgresServer {
  /** The `postgres` database of this server. */
  url: string;
  port: number;
  /** Stops the server: `immediate` is a crash (no shutdown checkpoint, clients cut off). */
  stop(mode?: "fast" | "immediate"): void;
  start(): void;
  /** Stops the server and removes its data. */
  destroy(): void;
}

const binDir = (() => {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs.readdirSync(root).sort((a, b) => Number(a) - Number(b));
  const newest = versions.at(-1);
  return newest ? path.join(root, newest, "bin") : null;
})();

/** Whether this machine can run a PostgreSQL server of a test's own. */
export const canRunPostgresServer = binDir !== null && fs.existsSync(path.join(binDir, "pg_ctl"));

const isRoot = process.getuid?.() === 0;
const RUNNER = "pgrunner";

function run(command: string, args: string[]) {
  const [file, argv] = isRoot ? ["runuser", ["-u", RUNNER, "--", command, ...args]] : [command, args];
  execFileSync(file, argv, { stdio: ["ignore", "pipe", "pipe"] });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
  });
}

export async function startPostgresServer(): Promise<PostgresServer> {
  if (!binDir) throw new Error("No PostgreSQL server binaries in /usr/lib/postgresql");
  if (isRoot) {
    try {
      execFileSync("id", [RUNNER], { stdio: "ignore" });
    } catch {
      execFileSync("useradd", ["--system", "--no-create-home", RUNNER], { stdio: "ignore" });
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "threadline-pg-"));
  fs.chmodSync(dir, 0o755);
  const data = path.join(dir, "data");
  fs.mkdirSync(data);
  if (isRoot) execFileSync("chown", [RUNNER, data]);
  run(path.join(binDir, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  const port = await freePort();
  const pgCtl = path.join(binDir, "pg_ctl");
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${data} -c fsync=off -c max_connections=200`;
  const server: PostgresServer = {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    start: () => run(pgCtl, ["-D", data, "-l", path.join(data, "server.log"), "-w", "-o", options, "start"]),
    stop: (mode = "fast") => run(pgCtl, ["-D", data, "-m", mode, "-w", "stop"]),
    destroy: () => {
      try {
        server.stop("immediate");
      } catch {
        // Already stopped.
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  server.start();
  return server;
}
