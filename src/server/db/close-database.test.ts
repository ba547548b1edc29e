import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterEach, describe, expect, it, vi } from "vitest";
import { closeDatabase, db, setDatabase, wrapPGlite } from "./index";

afterEach(() => {
  setDatabase(undefined);
  vi.unstubAllEnvs();
});

describe("closeDatabase", () => {
  it("closes the process's database for good: a later db() answers UNAVAILABLE instead of opening it again", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "threadline-close-"));
    vi.stubEnv("DATABASE_URL", `file:${path.join(dir, "pglite")}`);
    const pglite = new PGlite();
    setDatabase(wrapPGlite(pglite));
    await db().$queryRaw`SELECT 1`;

    await closeDatabase();
    expect(pglite.closed).toBe(true);
    let error: unknown;
    try {
      db();
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toMatchObject({ code: "UNAVAILABLE" });
    expect(fs.readdirSync(dir)).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
