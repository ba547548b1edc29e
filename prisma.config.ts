// Prisma's CLI runs offline through driver adapters and its WASM schema engine (see STACK.md).
// These variables stop it from downloading native engines it never uses on this path; they must be
// set before the CLI looks for engines, which happens after it loads this file.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= import.meta.filename;
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= import.meta.filename;
process.env.CHECKPOINT_DISABLE ??= "1";

// The WASM schema engine leaves long timers behind that keep the CLI alive for seconds after its
// work is done; long timers never hold the process open here.
const setTimeoutOriginal = globalThis.setTimeout;
globalThis.setTimeout = ((handler: () => void, ms?: number, ...args: unknown[]) => {
  const timer = setTimeoutOriginal(handler, ms, ...args);
  if ((ms ?? 0) >= 5000) (timer as unknown as NodeJS.Timeout).unref();
  return timer;
}) as typeof setTimeout;

import { defineConfig } from "prisma/config";
import { migrationAdapter } from "./src/server/db/migration-adapter";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: migrationAdapter,
});
