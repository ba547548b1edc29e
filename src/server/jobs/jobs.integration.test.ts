import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Job } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { hasConcurrentConnections, useTestDatabase } from "@/test/database";
import { seedWorkspace } from "@/test/factories";
import { pruneDoneJobs, runPendingJobs, type JobHandler } from "./jobs";

const db = useTestDatabase();
let workspaceId: string;

beforeAll(async () => {
  workspaceId = (await seedWorkspace(db())).workspace.id;
});
beforeEach(async () => {
  await db().job.deleteMany();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const enqueue = (count: number, type = "test.job") =>
  Promise.all(Array.from({ length: count }, (_, i) => db().job.create({ data: { workspaceId, type, payload: { i } } })));

/** A promise and the function that resolves it. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

/** The database, except that the job table's updates fail (the database went away at that moment). */
function withFailingJobUpdates(database: Db): Db {
  const job = new Proxy(database.job, {
    get: (target, name, receiver) =>
      name === "updateMany" ? () => Promise.reject(new Error("Connection terminated unexpectedly")) : Reflect.get(target, name, receiver),
  });
  return new Proxy(database, { get: (target, name, receiver) => (name === "job" ? job : Reflect.get(target, name, receiver)) });
}

describe("claiming jobs in batches and running them concurrently", () => {
  it("claims as many due jobs as there is room for in one go and runs at most `concurrency` at a time", async () => {
    await enqueue(7);
    const release = gate();
    let inFlight = 0;
    let most = 0;
    const firstBatch = gate();
    const handler: JobHandler = async () => {
      most = Math.max(most, ++inFlight);
      if (inFlight === 3) firstBatch.open();
      await release.opened;
      inFlight--;
    };
    const run = runPendingJobs(db(), { "test.job": handler }, { concurrency: 3 });
    await firstBatch.opened;
    // The first three are claimed together; the other four wait, unclaimed.
    const claimed = await db().job.findMany({ where: { claimToken: { not: null } } });
    expect(claimed).toHaveLength(3);
    expect(new Set(claimed.map((job) => job.claimToken)).size).toBe(3);
    expect(claimed.every((job) => job.lockedUntil && job.lockedUntil > new Date())).toBe(true);
    release.open();
    expect(await run).toBe(7);
    expect(most).toBe(3);
    expect(await db().job.count({ where: { status: "done", lockedUntil: null } })).toBe(7);
  });

  it.runIf(hasConcurrentConnections)("lets several workers at once run each job exactly once (PostgreSQL: needs several connections)", async () => {
    await enqueue(20);
    const runs = new Map<string, number>();
    const handler: JobHandler = async (_db, job) => {
      runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
      await sleep(5);
    };
    const ran = await Promise.all([1, 2, 3].map(() => runPendingJobs(db(), { "test.job": handler }, { concurrency: 4 })));
    expect(ran.reduce((a, b) => a + b)).toBe(20);
    expect([...runs.values()]).toEqual(Array(20).fill(1));
  });

  it("stops at `limit` jobs", async () => {
    await enqueue(5);
    expect(await runPendingJobs(db(), { "test.job": () => Promise.resolve() }, { limit: 2, concurrency: 4 })).toBe(2);
    expect(await db().job.count({ where: { status: "pending" } })).toBe(3);
  });
});

describe("leases", () => {
  it("keeps the lease of a job that runs longer than it (the heartbeat renews it)", async () => {
    const [job] = await enqueue(1);
    let runs = 0;
    const handler: JobHandler = async () => {
      runs++;
      await sleep(2500);
    };
    const first = runPendingJobs(db(), { "test.job": handler }, { leaseMs: 1000 });
    await sleep(1600);
    // Past the first lease: another worker still finds nothing to claim.
    expect(await runPendingJobs(db(), { "test.job": handler }, { leaseMs: 1000 })).toBe(0);
    const renewed = await db().job.findUniqueOrThrow({ where: { id: job!.id } });
    expect(renewed.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(await first).toBe(1);
    expect(runs).toBe(1);
    expect(await db().job.findUniqueOrThrow({ where: { id: job!.id } })).toMatchObject({ status: "done", attempts: 1 });
  });

  it("runs a dead worker's job again once its lease ran out", async () => {
    const [job] = await enqueue(1);
    // What a worker killed mid-job leaves behind: its claim, with a lease nobody renews.
    await db()
      .$executeRaw`UPDATE "Job" SET "lockedUntil" = now() + interval '1 second', "attempts" = 1, "claimToken" = gen_random_uuid() WHERE "id" = ${job!.id}::uuid`;
    const handlers = { "test.job": () => Promise.resolve() };
    expect(await runPendingJobs(db(), handlers)).toBe(0);
    await sleep(1100);
    expect(await runPendingJobs(db(), handlers)).toBe(1);
    expect(await db().job.findUniqueOrThrow({ where: { id: job!.id } })).toMatchObject({ status: "done", attempts: 2 });
  });

  it("never lets a worker that lost its lease record the outcome of a job claimed again since", async () => {
    const [job] = await enqueue(1);
    const staleMayFinish = gate();
    const staleStarted = gate();
    let calls = 0;
    const handler: JobHandler = async () => {
      if (++calls === 1) {
        staleStarted.open();
        await staleMayFinish.opened;
        return;
      }
      throw new Error("the new claim's run failed");
    };
    const warnings = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const stale = runPendingJobs(db(), { "test.job": handler }, { leaseMs: 60_000 });
    await staleStarted.opened;
    // The stale worker stalls past its lease (its heartbeat never got through)…
    await db().job.update({ where: { id: job!.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    // …so another worker claims the job and records its failure for a retry.
    expect(await runPendingJobs(db(), { "test.job": handler })).toBe(1);
    const retried = await db().job.findUniqueOrThrow({ where: { id: job!.id } });
    expect(retried).toMatchObject({ status: "pending", lastError: "the new claim's run failed", attempts: 2 });

    staleMayFinish.open();
    await stale;
    // The stale worker's "done" is refused: the retry stays scheduled.
    expect(await db().job.findUniqueOrThrow({ where: { id: job!.id } })).toEqual(retried);
    expect(warnings).toHaveBeenCalledWith(expect.stringContaining("claimed again meanwhile"));
  });
});

describe("recording the outcome when the database fails", () => {
  it.each([
    ["succeeded", () => Promise.resolve()],
    ["failed", () => Promise.reject(new Error("SMTP down"))],
  ])("moves on when a job that %s cannot be marked; the job runs again after its lease", async (_outcome, body) => {
    const [job] = await enqueue(2);
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const runs: string[] = [];
    const handler: JobHandler = async (_db, claimed: Job) => {
      runs.push(claimed.id);
      await body();
    };
    // Both jobs ran; neither outcome could be recorded, and the worker did not throw.
    expect(await runPendingJobs(withFailingJobUpdates(db()), { "test.job": handler }, { leaseMs: 1000 })).toBe(2);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("recording its outcome failed"), expect.any(Error));
    expect(await db().job.findUniqueOrThrow({ where: { id: job!.id } })).toMatchObject({ status: "pending", attempts: 1 });

    expect(await runPendingJobs(db(), { "test.job": handler })).toBe(0);
    await sleep(1100);
    expect(await runPendingJobs(db(), { "test.job": () => Promise.resolve() })).toBe(2);
    expect(await db().job.count({ where: { status: "done" } })).toBe(2);
    expect(runs).toHaveLength(2);
  });
});

describe("pruning done jobs", () => {
  const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60_000);
  const seed = (status: "done" | "failed" | "pending", completedDaysAgo: number | null) =>
    db().job.create({
      data: { workspaceId, type: "test.job", payload: {}, status, completedAt: completedDaysAgo === null ? null : daysAgo(completedDaysAgo) },
    });

  it("deletes done jobs past the retention in bounded batches, and keeps failed and recent ones", async () => {
    const old = await Promise.all([8, 9, 10, 30, 365].map((days) => seed("done", days)));
    const kept = await Promise.all([seed("done", 6), seed("failed", 30), seed("pending", null)]);

    // Two batches of two at most per call: the fifth old job waits for the next call.
    expect(await pruneDoneJobs(db(), 7, { batchSize: 2, maxBatches: 2 })).toBe(4);
    expect(await db().job.count({ where: { id: { in: old.map((job) => job.id) } } })).toBe(1);
    expect(await pruneDoneJobs(db(), 7, { batchSize: 2, maxBatches: 2 })).toBe(1);
    expect(await pruneDoneJobs(db(), 7)).toBe(0);
    const left = await db().job.findMany({ select: { id: true } });
    expect(left.map((job) => job.id).sort()).toEqual(kept.map((job) => job.id).sort());
  });

  it("uses the retention it is given", async () => {
    const job = await seed("done", 2);
    expect(await pruneDoneJobs(db(), 3)).toBe(0);
    expect(await pruneDoneJobs(db(), 1)).toBe(1);
    expect(await db().job.findUnique({ where: { id: job.id } })).toBeNull();
  });
});
