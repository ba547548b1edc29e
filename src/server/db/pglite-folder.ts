import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { lockDataDir } from "./pglite-lock";

export interface PGliteFolder {
  pglite: PGlite;
  /** Closes PGlite, then releases the folder's lock. */
  close: () => Promise<void>;
}

/** Opens the embedded database folder for this process alone (see pglite-lock.ts). */
export function openDatabaseFolder(dataDir: string): PGliteFolder {
  const release = lockDataDir(dataDir);
  try {
    // PGlite does not create parent folders.
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    const pglite = new PGlite(dataDir);
    return { pglite, close: once(() => pglite.close().finally(release)) };
  } catch (error) {
    release();
    throw error;
  }
}

/** Runs `close` the first time only; later calls share its promise. */
export function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => (closing ??= close());
}
