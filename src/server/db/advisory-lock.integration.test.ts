import { describe, expect, it } from "vitest";
import { databaseConfig } from "@/server/db/config";
import { useTestDatabase } from "@/test/database";
import { lockKeys } from "./advisory-lock";

const db = useTestDatabase();

const advisoryLocksHeld = async (tx: Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0]) => {
  const [row] = await tx.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS "count" FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()`;
  return Number(row?.count);
};

describe("lockKeys", () => {
  it("holds one lock per distinct key until the transaction ends, whatever the number of keys", async () => {
    const keys = [...Array.from({ length: 150 }, (_, i) => `thread:w:${i}@example.com`), "thread:w:0@example.com", "thread:w:1@example.com"];
    const held = await db().$transaction(async (tx) => {
      await lockKeys(tx, keys);
      return advisoryLocksHeld(tx);
    });
    expect(held).toBe(150);
    expect(await db().$transaction((tx) => advisoryLocksHeld(tx))).toBe(0);
  });

  it("takes nothing for no keys", async () => {
    expect(await db().$transaction(async (tx) => (await lockKeys(tx, []), advisoryLocksHeld(tx)))).toBe(0);
  });
});

// Two transactions at once need two connections of the pool: PostgreSQL only.
describe.runIf(databaseConfig().kind === "postgres")("lockKeys on PostgreSQL", () => {
  it("makes a transaction wanting any of the same keys wait for the first to commit", async () => {
    const order: string[] = [];
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstLocked!: () => void;
    const locked = new Promise<void>((resolve) => (firstLocked = resolve));
    const first = db().$transaction(async (tx) => {
      await lockKeys(tx, ["k:a", "k:b", "k:c"]);
      firstLocked();
      await firstHolds;
      order.push("first commits");
    });
    await locked;
    const second = db().$transaction(async (tx) => {
      await lockKeys(tx, ["k:z", "k:c"]);
      order.push("second locked");
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    order.push("300 ms later");
    releaseFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(["300 ms later", "first commits", "second locked"]);
  });
});
