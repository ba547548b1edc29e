import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { environmentWith } from "@/env";
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

  it("lets exactly one of many processes that find the same stale lock at the same moment take it over", async () => {
    const dataDir = tempDataDir();
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    // Each contender waits for "go <time>", spins until that moment (so they collide), tries the
    // lock and says what happened, holding the lock until "release".
    const contender = `
      import readline from "node:readline";
      import { DatabaseInUseError, lockDataDir } from ${JSON.stringify(path.resolve("src/server/db/pglite-lock.ts"))};
      let release = () => {};
      readline.createInterface({ input: process.stdin }).on("line", (line) => {
        const [command, at] = line.split(" ");
        if (command === "release") return release(), console.log("released");
        while (Date.now() < Number(at));
        try {
          release = lockDataDir(${JSON.stringify(dataDir)});
          console.log("won");
        } catch (error) {
          console.log(error instanceof DatabaseInUseError ? "in-use " + error.pid : "error " + error.message);
        }
      });
      console.log("ready");`;
    const contenders = Array.from({ length: 6 }, () => {
      const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", contender]);
      const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
      return { child, next: async () => String((await lines.next()).value) };
    });
    const ask = (line: string) => Promise.all(contenders.map(({ child, next }) => (child.stdin.write(`${line}\n`), next())));
    try {
      await Promise.all(contenders.map(({ next }) => next().then((line) => expect(line).toBe("ready"))));
      for (let round = 0; round < 20; round++) {
        fs.writeFileSync(`${dataDir}.lock`, "999999999");
        const answers = await ask(`go ${Date.now() + 50}`);
        const winners = contenders.filter((_, i) => answers[i] === "won");
        expect(winners, `round ${round}: ${answers.join(", ")}`).toHaveLength(1);
        const winner = String(winners[0]?.child.pid);
        expect(fs.readFileSync(`${dataDir}.lock`, "utf8")).toBe(winner);
        expect(answers.filter((answer) => answer !== "won")).toEqual(Array(contenders.length - 1).fill(`in-use ${winner}`));
        await ask("release");
        expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
      }
      expect(fs.readdirSync(path.dirname(dataDir))).toEqual([]);
    } finally {
      contenders.forEach(({ child }) => child.kill());
    }
  }, 60_000);

  it("makes a second process (the admin command) exit with a plain message and leaves the folder alone", async () => {
    const dataDir = tempDataDir();
    const release = lockDataDir(dataDir);
    const child = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/admin.ts", "workspace", "show", "demo"], {
      env: environmentWith({ DATABASE_URL: `file:${dataDir}` }),
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
