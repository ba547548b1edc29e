import { spawn } from "node:child_process";
import path from "node:path";
import { environmentWith } from "@/env";

/**
 * Applies pending migrations with Prisma's own `migrate deploy` (through prisma.config.ts), in a
 * child process that must exit before this process opens an embedded database. Output is shown
 * only when it fails. On this process's database, or the one of `databaseUrl`.
 */
export function runMigrations(databaseUrl?: string): Promise<void> {
  const prisma = path.resolve("node_modules/.bin/prisma");
  const env = databaseUrl === undefined ? undefined : environmentWith({ DATABASE_URL: databaseUrl });
  return new Promise((resolve, reject) => {
    const child = spawn(prisma, ["migrate", "deploy"], { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve();
      else reject(new Error(`prisma migrate deploy failed (exit ${code}):\n${output.trim()}`));
    });
  });
}
