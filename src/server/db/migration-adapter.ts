import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { databaseConfig } from "./config";
import { PGliteAdapterFactory } from "./pglite-adapter";
import { openDatabaseFolder } from "./pglite-folder";
import { postgresMigrationAdapter } from "./postgres-cli-adapter";

let factory: Promise<SqlMigrationAwareDriverAdapterFactory> | undefined;

/** The adapter for Prisma's CLI (prisma.config.ts). Created once: the CLI asks for it twice. */
export function migrationAdapter(): Promise<SqlMigrationAwareDriverAdapterFactory> {
  factory ??= createMigrationAdapter();
  return factory;
}

function createMigrationAdapter(): Promise<SqlMigrationAwareDriverAdapterFactory> {
  const config = databaseConfig();
  if (config.kind === "postgres") return Promise.resolve(postgresMigrationAdapter(config.url));
  const { pglite, close } = openDatabaseFolder(config.dataDir);
  // The CLI never closes the adapter; an unclosed PGlite keeps the process alive and its folder locked.
  process.once("beforeExit", () => void close());
  return Promise.resolve(new PGliteAdapterFactory(pglite));
}
