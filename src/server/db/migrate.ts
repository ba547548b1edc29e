import { spawn } from "node:child_process";
import path from "node:path";

/**
 * Applies pending migrations with Prisma's own `migrate deploy` (through prisma.config.ts), in a
 * child process that must exit before this process opens an embedded database. Output is shown
 * only when it fails. The child has this process's environment unless given another.
 */
export function runMigrations(env?: NodeJS.ProcessEnv): Promise<void> {
  const prisma = path.resolve("node_modules/.bin/prisma");
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
