import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Thrown when another live process holds the embedded database folder. */
export class DatabaseInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another process (pid ${pid}). ` +
        `Stop that process first (PGlite allows one process at a time), ` +
        `or set DATABASE_URL=postgres://… to share a PostgreSQL server.`,
    );
    this.name = "DatabaseInUseError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Creates `file` holding our pid, or answers false when it exists. The pid is written to a file of
 * our own first and linked into place (link fails on an existing name), so a reader never sees a
 * half-written lock.
 */
function createPidFile(file: string): boolean {
  const own = `${file}.${process.pid}.${randomUUID()}`;
  fs.writeFileSync(own, String(process.pid));
  try {
    fs.linkSync(own, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return false;
  } finally {
    fs.rmSync(own, { force: true });
  }
}

/** The pid a lock file names, or undefined when it is gone. */
function readPid(file: string): number | undefined {
  try {
    return Number.parseInt(fs.readFileSync(file, "utf8"), 10);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

const isLive = (pid: number) => pid === process.pid || (Number.isInteger(pid) && pid > 0 && isAlive(pid));

function pause(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Removes the lock of a dead owner. Deciding "stale" and removing are two steps, so only the holder
 * of `<lock>.takeover` may take them: two processes that both saw the stale lock would otherwise
 * both remove it, the second one removing the first one's new lock. A takeover lasts a few system
 * calls; a takeover file whose process died is removed by whoever finds it.
 */
function removeStaleLock(lockPath: string): void {
  const takeoverPath = `${lockPath}.takeover`;
  if (!createPidFile(takeoverPath)) {
    const taker = readPid(takeoverPath);
    if (taker !== undefined && !isLive(taker)) fs.rmSync(takeoverPath, { force: true });
    else pause(5);
    return;
  }
  try {
    const owner = readPid(lockPath);
    if (owner !== undefined && !isLive(owner)) fs.unlinkSync(lockPath);
  } finally {
    fs.unlinkSync(takeoverPath);
  }
}

/**
 * PGlite has no lock across processes and a second writer corrupts the folder, so we keep our own:
 * a file beside the folder holding the owner's pid, created atomically. A lock left by a dead
 * process is taken over by exactly one process. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const lockPath = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 200; attempt++) {
    if (createPidFile(lockPath)) {
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (readPid(lockPath) === process.pid) fs.rmSync(lockPath, { force: true });
      };
    }
    const owner = readPid(lockPath);
    if (owner !== undefined && isLive(owner)) throw new DatabaseInUseError(dataDir, owner);
    if (owner !== undefined) removeStaleLock(lockPath);
  }
  throw new Error(`Could not lock ${dataDir}`);
}
