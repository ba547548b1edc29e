import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DatabaseInUseError, lockDataDir } from "./pglite-lock";

const dirs: string[] = [];
function tempDataDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "threadline-lock-"));
  dirs.push(dir);
  return path.join(dir, "nested", "pglite");
}
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe("lockDataDir", () => {
  it("refuses a second holder while the first holds the folder, and allows it after release", () => {
    const dataDir = tempDataDir();
    const release = lockDataDir(dataDir);
    expect(fs.readFileSync(`${dataDir}.lock`, "utf8")).toBe(String(process.pid));
    expect(() => lockDataDir(dataDir)).toThrow(DatabaseInUseError);
    release();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
    lockDataDir(dataDir)();
  });

  it("takes over a lock left by a process that no longer runs", () => {
    const dataDir = tempDataDir();
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    fs.writeFileSync(`${dataDir}.lock`, "999999999");
    const release = lockDataDir(dataDir);
    expect(fs.readFileSync(`${dataDir}.lock`, "utf8")).toBe(String(process.pid));
    release();
  });

  it("makes a second process (the admin command) exit with a plain message and leaves the folder alone", async () => {
    const dataDir = tempDataDir();
    const release = lockDataDir(dataDir);
    const child = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/admin.ts", "workspace", "show", "demo"], {
      env: { ...process.env, DATABASE_URL: `file:${dataDir}` },
      stdio: "pipe",
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    release();
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      `The embedded database in ${dataDir} is in use by another process (pid ${process.pid}). ` +
        "Stop that process first (PGlite allows one process at a time), or set DATABASE_URL=postgres://… to share a PostgreSQL server.",
    );
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});
