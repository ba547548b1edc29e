import { openDatabase, type DatabaseHandle } from "@/server/db";
import { databaseConfig } from "@/server/db/config";
import { runMigrations } from "@/server/db/migrate";
import { lockDataDir } from "@/server/db/pglite-lock";
import { seedDemo } from "@/server/seed/demo-seed";

/** Migrates, opens, and seeds the demo workspace into an empty database (npm start, admin). */
export async function prepareDatabase(): Promise<DatabaseHandle> {
  const config = databaseConfig();
  // Fail fast, and plainly, when another process holds the embedded database.
  if (config.kind === "pglite") lockDataDir(config.dataDir)();
  await runMigrations();
  const handle = openDatabase(config);
  try {
    await seedDemo(handle.db);
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}
