import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { environmentWith } from "@/env";

/** An app instance in a process of its own (src/test/app-instance.ts), on a database of the test's. */
export interface AppInstance {
  url: string;
  port: number;
  process: ChildProcess;
  /** Everything the process printed, for failure messages. */
  output(): string;
  /** SIGTERM, then waits for the process to exit. */
  stop(): Promise<void>;
  /** SIGKILL: a crash, nothing cleaned up. */
  kill(): Promise<void>;
}

const script = path.resolve("src/test/app-instance.ts");

export async function startAppInstance(options: { databaseUrl: string; env?: Record<string, string> }): Promise<AppInstance> {
  // node --import tsx, not the tsx CLI: one process, so SIGKILL reaches the server itself.
  const child = spawn(process.execPath, ["--import", "tsx", script, "0"], {
    env: environmentWith({ JOB_WORKER: "on", ...options.env, DATABASE_URL: options.databaseUrl }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app instance did not start:\n${output}`)), 60_000);
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const ready = output.match(/ready (\d+)/);
      if (ready) {
        clearTimeout(timer);
        resolve(Number(ready[1]));
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`app instance exited (${code}) before it started:\n${output}`));
    });
  });
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    process: child,
    output: () => output,
    stop: () => signal("SIGTERM"),
    kill: () => signal("SIGKILL"),
  };
}
