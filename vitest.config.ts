import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname, "src") } },
  test: {
    include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
    globalSetup: ["./src/test/global-setup.ts"],
    pool: "forks",
    env: { NEXTAUTH_SECRET: "test-secret-for-vitest-only" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
