import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname, "src") } },
  test: {
    include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
    globalSetup: ["./src/test/global-setup.ts"],
    pool: "forks",
    // Every core (Vitest leaves one idle by default): the integration tests wait on the database
    // (PGlite runs in each worker's own thread), so one worker on two cores doubles the run.
    maxWorkers: os.availableParallelism(),
    env: {
      NEXTAUTH_SECRET: "test-secret-for-vitest-only",
      JOB_WORKER: "off",
      INBOUND_ATTACHMENTS_ALLOW_PRIVATE_HOSTS: "true",
      ATTACHMENTS_DIR: path.join(os.tmpdir(), "threadline-test-attachments"),
      // The suite sends many requests per token and workspace; the rate-limit tests set their own.
      RATE_LIMIT_INBOUND_PER_WORKSPACE: "100000",
      RATE_LIMIT_INBOUND_PER_SECRET: "100000",
      RATE_LIMIT_API_PER_TOKEN: "100000",
    },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
