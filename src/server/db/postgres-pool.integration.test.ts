// The pool survives a PostgreSQL crash in the middle of transactions: every connection comes back
// (destroyed), so the instance serves again once the server is back. Uses a server of its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appConfig } from "@/env";
import { canRunPostgresServer, startPostgresServer, type PostgresServer } from "@/test/postgres-server";
import { databaseConfig } from "./config";
import { openDatabase, type DatabaseHandle } from "./index";
import { isDatabaseUnavailable } from "./unavailable";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(canRunPostgresServer && databaseConfig().kind === "postgres")("the PostgreSQL pool through a crash", () => {
  let server: PostgresServer;
  let handle: DatabaseHandle;
  beforeAll(async () => {
    server = await startPostgresServer();
    handle = openDatabase({ kind: "postgres", url: server.url });
  });
  afterAll(async () => {
    await handle?.close();
    server?.destroy();
  });

  it("gives back the connections of transactions cut off mid-statement and between statements", async () => {
    const { db } = handle;
    const max = appConfig().DATABASE_POOL_MAX;
    // A full pool of open transactions, half of them inside a statement when the server dies.
    const transactions = Array.from({ length: max }, (_, i) =>
      db
        .$transaction(async (tx) => {
          await tx.$queryRaw`SELECT 1`;
          if (i % 2 === 0) await tx.$queryRaw`SELECT pg_sleep(2)::text`;
          else await sleep(1000);
          await tx.$queryRaw`SELECT 2`;
        })
        .then(
          () => null,
          (error: unknown) => error,
        ),
    );
    await sleep(300);
    expect(handle.poolCounts?.()).toMatchObject({ total: max, idle: 0 });
    server.stop("immediate");
    const errors = await Promise.all(transactions);
    expect(
      errors.every((error) => isDatabaseUnavailable(error)),
      String(errors),
    ).toBe(true);
    expect(handle.poolCounts?.()).toEqual({ total: 0, idle: 0, waiting: 0 });

    server.start();
    expect(await db.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
    await Promise.all(Array.from({ length: max }, () => db.$transaction((tx) => tx.$queryRaw`SELECT 1`)));
    const counts = handle.poolCounts?.();
    expect(counts?.waiting).toBe(0);
    expect(counts?.idle).toBe(counts?.total);
  });
});
