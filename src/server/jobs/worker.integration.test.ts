import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { setDatabase, type Db } from "@/server/db";
import { useTestDatabase } from "@/test/database";
import { seedWorkspace } from "@/test/factories";
import { kickJobWorker, startJobPoller } from "./worker";

// This file runs the background worker itself (the suite turns it off).
vi.stubEnv("JOB_WORKER", "on");
vi.stubEnv("JOB_POLL_MS", "100");

const db = useTestDatabase();
let workspaceId: string;
let stopPoller: () => Promise<void> = async () => {};

beforeAll(async () => {
  workspaceId = (await seedWorkspace(db())).workspace.id;
});
afterEach(async () => {
  await stopPoller();
  vi.restoreAllMocks();
});

/** The app's database, with raw statements (the worker's claims and prunes) failing while `down`. */
function useFlakyAppDatabase(database: Db) {
  const state = { down: false };
  const flaky = new Proxy(database, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if ((name !== "$queryRaw" && name !== "$executeRaw") || typeof value !== "function") return value;
      return (...args: unknown[]) =>
        state.down ? Promise.reject(new Error("connect ECONNREFUSED")) : (value as (...a: unknown[]) => unknown).apply(target, args);
    },
  });
  setDatabase({ db: flaky, close: () => Promise.resolve(), listen: () => Promise.reject(new Error("The flaky test database does not listen")) });
  return state;
}

/** A job whose handler finds nothing to do (its incoming mail is gone), so it is done at once. */
const enqueueNoopJob = () => db().job.create({ data: { workspaceId, type: "incoming_mail.notify", payload: { incomingMailId: randomUUID() } } });

async function waitFor(check: () => Promise<boolean>, ms: number) {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) if (await check()) return true;
  return check();
}

describe("the job poller", () => {
  it("survives a database that fails, and runs the waiting job on the first poll after it is back", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const database = useFlakyAppDatabase(db());
    database.down = true;
    stopPoller = startJobPoller();
    const job = await enqueueNoopJob();
    await sleep(600);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("Job worker failed"), expect.any(Error));
    expect(await db().job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "pending", attempts: 0 });

    database.down = false;
    expect(await waitFor(async () => (await db().job.findUniqueOrThrow({ where: { id: job.id } })).status === "done", 2000)).toBe(true);
  });

  it("prunes old done jobs when it starts, then not again for minutes", async () => {
    useFlakyAppDatabase(db());
    const completedAt = new Date(Date.now() - 8 * 24 * 60 * 60_000);
    const old = await db().job.create({ data: { workspaceId, type: "old", payload: {}, status: "done", completedAt } });
    stopPoller = startJobPoller();
    expect(await waitFor(async () => (await db().job.findUnique({ where: { id: old.id } })) === null, 2000)).toBe(true);

    const later = await db().job.create({ data: { workspaceId, type: "old", payload: {}, status: "done", completedAt } });
    await sleep(1000);
    expect(await db().job.findUnique({ where: { id: later.id } })).not.toBeNull();
  });

  it("waits, when stopped, for the drain in flight to record its jobs, and starts none after", async () => {
    useFlakyAppDatabase(db());
    stopPoller = startJobPoller();
    const running = await enqueueNoopJob();
    kickJobWorker(db());
    await stopPoller();
    expect((await db().job.findUniqueOrThrow({ where: { id: running.id } })).status).toBe("done");

    const after = await enqueueNoopJob();
    kickJobWorker(db());
    await sleep(300);
    expect((await db().job.findUniqueOrThrow({ where: { id: after.id } })).status).toBe("pending");
  });
});
