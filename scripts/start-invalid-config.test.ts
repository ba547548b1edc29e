import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, it, onTestFinished } from "vitest";

// Run in an empty folder, a start that went on would generate a session secret in .data/ there and
// announce a build: a bad setting must stop it first, with the name of every bad variable.
it("npm start stops before anything else when a setting is invalid, and names each bad one", async () => {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), "threadline-start-"));
  onTestFinished(() => fs.rmSync(cwd, { recursive: true }));
  const { NEXTAUTH_SECRET: _secret, ...environment } = process.env;
  const env = { ...environment, TSX_TSCONFIG_PATH: path.resolve("tsconfig.json"), PORT: "abc", RATE_LIMIT_API_PER_TOKEN: "-1", DATABASE_URL: "mysql://x" };
  const tsx = path.resolve("node_modules/tsx/dist/loader.mjs"); // what `--import tsx` finds from here
  const failure = await promisify(execFile)(process.execPath, ["--import", tsx, path.resolve("scripts/start.ts")], { cwd, env }).then(
    () => null,
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  expect(failure).toMatchObject({ code: 1, stdout: "" });
  expect(failure?.stderr.trim()).toBe(
    [
      "Invalid configuration in the environment:",
      '  DATABASE_URL: must start with postgres://, postgresql:// or file: (got "mysql:…")',
      "  PORT: must be a number",
      "  RATE_LIMIT_API_PER_TOKEN: Too small: expected number to be >=0",
    ].join("\n"),
  );
  expect(fs.readdirSync(cwd)).toEqual([]);
});
