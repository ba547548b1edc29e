import path from "node:path";
// Relative: Prisma's CLI loads this file (prisma.config.ts) without the "@/" alias.
import { appConfig, databaseUrlProblem } from "../../env";

export type DatabaseConfig = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };

export const DEFAULT_PGLITE_DIR = "./.data/pglite";

/**
 * DATABASE_URL picks the database: unset or `file:<folder>` is the embedded PGlite in that folder,
 * `postgres://` / `postgresql://` a real PostgreSQL server.
 */
export function databaseConfigFromUrl(url: string | undefined): DatabaseConfig {
  const value = url?.trim();
  if (!value) return { kind: "pglite", dataDir: path.resolve(DEFAULT_PGLITE_DIR) };
  const problem = databaseUrlProblem(value);
  if (problem) throw new Error(`DATABASE_URL ${problem}`);
  if (value.startsWith("file:")) return { kind: "pglite", dataDir: path.resolve(value.slice("file:".length).replace(/^\/\/(?=\/)/, "")) };
  return { kind: "postgres", url: value };
}

export function databaseConfig(): DatabaseConfig {
  return databaseConfigFromUrl(appConfig().DATABASE_URL);
}
