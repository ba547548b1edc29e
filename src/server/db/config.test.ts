import path from "node:path";
import { describe, expect, it } from "vitest";
import { databaseConfigFromUrl } from "./config";

describe("databaseConfigFromUrl", () => {
  it("uses the embedded database in ./.data/pglite when DATABASE_URL is unset or empty", () => {
    const expected = { kind: "pglite", dataDir: path.resolve(".data/pglite") };
    expect(databaseConfigFromUrl(undefined)).toEqual(expected);
    expect(databaseConfigFromUrl("  ")).toEqual(expected);
  });

  it("puts the embedded database in the folder of a file: URL", () => {
    expect(databaseConfigFromUrl("file:./tmp/db")).toEqual({ kind: "pglite", dataDir: path.resolve("tmp/db") });
    expect(databaseConfigFromUrl("file:/var/lib/threadline")).toEqual({ kind: "pglite", dataDir: "/var/lib/threadline" });
  });

  it("uses PostgreSQL for postgres:// and postgresql:// URLs", () => {
    expect(databaseConfigFromUrl("postgres://u:p@db:5432/x")).toEqual({ kind: "postgres", url: "postgres://u:p@db:5432/x" });
    expect(databaseConfigFromUrl("postgresql://db/x").kind).toBe("postgres");
  });

  it("refuses other schemes with a message naming the accepted ones", () => {
    expect(() => databaseConfigFromUrl("mysql://db/x")).toThrow(/postgres:\/\/, postgresql:\/\/ or file:/);
    expect(() => databaseConfigFromUrl("file:")).toThrow(/needs a folder/);
  });
});
