import path from "node:path";

export type DatabaseConfig =
  | { kind: "pglite"; dataDir: string }
  | { kind: "postgres"; url: string };

export const DEFAULT_PGLITE_DIR = "./.data/pglite";

/**
 * DATABASE_URL picks the database: unset or `file:<folder>` is the embedded PGlite in that folder,
 * `postgres://` / `postgresql://` a real PostgreSQL server.
 */
export function databaseConfigFromUrl(url: string | undefined): DatabaseConfig {
  const value = url?.trim();
  if (!value) return { kind: "pglite", dataDir: path.resolve(DEFAULT_PGLITE_DIR) };
  if (value.startsWith("postgres://") || value.startsWith("postgresql://")) {
    return { kind: "postgres", url: value };
  }
  if (value.startsWith("file:")) {
    const folder = value.slice("file:".length).replace(/^\/\/(?=\/)/, "");
    if (!folder) throw new Error("DATABASE_URL=file: needs a folder, e.g. file:./.data/pglite");
    return { kind: "pglite", dataDir: path.resolve(folder) };
  }
  throw new Error(
    `DATABASE_URL must start with postgres://, postgresql:// or file: (got "${value.split(":")[0]}:…")`,
  );
}

export function databaseConfig(): DatabaseConfig {
  return databaseConfigFromUrl(process.env.DATABASE_URL);
}
