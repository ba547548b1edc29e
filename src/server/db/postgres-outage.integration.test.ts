// Issue 12, "fail fast, recover by itself": a PostgreSQL server of the test's own crashes (stop
// -m immediate) for ~10 s under a steady stream of inbound mail sent to two app instances, the
// sender retrying every non-2xx as a provider does. During the outage every request is answered
// 5xx quickly; after the restart both instances serve again within seconds, hold no leaked
// connection, and every mail is stored once with its confirmation and automation run once.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedAutomationWorkspace, seedRule } from "@/server/automations/test-fixtures";
import { startAppInstance, type AppInstance } from "@/test/app-instances";
import { withDatabase } from "@/test/global-setup";
import { canRunPostgresServer, startPostgresServer, type PostgresServer } from "@/test/postgres-server";
import { databaseConfig } from "./config";
import { openDatabase, type DatabaseHandle, type PoolCounts } from "./index";
import { runMigrations } from "./migrate";

const POOL_MAX = 10;
const OUTAGE_MS = 10_000;
// More senders than connections, so transactions are in flight on every connection when it dies.
const STREAMS_PER_INSTANCE = 12;
const RETRY_DELAY_MS = 200;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Attempt {
  instance: number;
  startedAt: number;
  endedAt: number;
  /** 0: no answer (connection error or the client's timeout). */
  status: number;
}

interface SentEmail {
  messageId: string;
  /** The ticket the sender expects it in: for a reply, its original's. */
  parentMessageId: string | null;
  ticketId: string;
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))] ?? 0;
const bare = (messageId: string) => messageId.slice(1, -1);

describe.runIf(canRunPostgresServer && databaseConfig().kind === "postgres")("a PostgreSQL outage under load with two app instances", () => {
  let server: PostgresServer;
  let url: string;
  let handle: DatabaseHandle;
  const instances: AppInstance[] = [];

  beforeAll(async () => {
    server = await startPostgresServer();
    const admin = openDatabase({ kind: "postgres", url: server.url });
    await admin.db.$executeRawUnsafe("CREATE DATABASE threadline");
    await admin.close();
    url = withDatabase(server.url, "threadline");
    await runMigrations(url);
    handle = openDatabase({ kind: "postgres", url });
    const env = { DATABASE_POOL_MAX: String(POOL_MAX), JOB_POLL_MS: "1000" };
    instances.push(...(await Promise.all([0, 1].map(() => startAppInstance({ databaseUrl: url, env })))));
  }, 120_000);

  afterAll(async () => {
    // SIGKILL: an instance that failed the test may never finish a clean shutdown.
    await Promise.all(instances.map((instance) => instance.kill()));
    await handle?.close();
    server?.destroy();
  });

  it("answers 5xx fast during the outage, serves again within seconds after it, and loses, duplicates and leaks nothing", async () => {
    const { db } = handle;
    const ws = await seedAutomationWorkspace(db);
    const rule = await seedRule(db, ws.workspace.id, {
      name: "Tag every new ticket",
      event: "ticket_created",
      actions: [{ type: "add_tag", tag_id: ws.tag.id }],
    });
    const output = () => instances.map((instance, i) => `--- instance ${i}:\n${instance.output().slice(-4000)}`).join("\n");

    const attempts: Attempt[] = [];
    const sent: SentEmail[] = [];
    let sending = true;
    // After the load stops, emails still being retried get this long to be accepted.
    let giveUpAt = Infinity;
    let undelivered = 0;

    /** POSTs one email until the instance answers 2xx, as a provider retries (null: gave up). */
    async function deliver(instance: number, body: Record<string, unknown>): Promise<{ ticketId: string } | null> {
      while (Date.now() < giveUpAt) {
        const startedAt = Date.now();
        let status = 0;
        let json: { ticketId?: string } | null = null;
        try {
          const response = await fetch(`${instances[instance]!.url}/api/rpc/tickets/email/inbound`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(15_000),
          });
          status = response.status;
          json = (await response.json()) as { ticketId?: string };
        } catch {
          status = 0;
        }
        attempts.push({ instance, startedAt, endedAt: Date.now(), status });
        if (status >= 200 && status < 300 && json?.ticketId) return { ticketId: json.ticketId };
        await sleep(RETRY_DELAY_MS);
      }
      return null;
    }

    /** One sender writing to one instance: a new ticket, then replies to it, then a new one… */
    async function stream(instance: number, index: number) {
      const from = `customer-${instance}-${index}@acme.com`;
      type Thread = { messageId: string; subject: string; ticketId: string };
      let thread: Thread | null = null;
      for (let n = 0; sending; n++) {
        const messageId = `<${randomUUID()}@acme.com>`;
        const parent: Thread | null = n % 3 !== 0 ? thread : null;
        const subject: string = parent ? `Re: ${parent.subject}` : `Question ${n} from ${from}`;
        const accepted = await deliver(instance, {
          organizationId: ws.workspace.id,
          from,
          to: ws.ticketMailbox.address,
          subject,
          text: `Message ${n} of ${from}`,
          messageId,
          ...(parent ? { inReplyTo: parent.messageId } : {}),
        });
        if (!accepted) {
          undelivered++;
          break;
        }
        const { ticketId } = accepted;
        sent.push({ messageId, parentMessageId: parent?.messageId ?? null, ticketId });
        if (!parent) thread = { messageId, subject, ticketId };
        await sleep(20);
      }
    }

    const health = async (instance: AppInstance) => {
      try {
        const response = await fetch(`${instance.url}/api/health`, { signal: AbortSignal.timeout(5000) });
        return { status: response.status, body: (await response.json()) as { pool?: PoolCounts } };
      } catch {
        return { status: 0, body: {} };
      }
    };

    // Warm-up: each instance loads its route modules and opens connections on its first requests.
    for (const instance of instances) expect((await health(instance)).status).toBe(200);
    const warmUp = instances.map(() => `<${randomUUID()}@acme.com>`);
    const warmedUp = await Promise.all(
      instances.map((_, i) =>
        deliver(i, { organizationId: ws.workspace.id, from: `warm-up-${i}@acme.com`, to: ws.ticketMailbox.address, subject: "Warm-up", messageId: warmUp[i] }),
      ),
    );
    warmedUp.forEach((accepted, i) => sent.push({ messageId: warmUp[i]!, parentMessageId: null, ticketId: accepted!.ticketId }));
    const loadFrom = Date.now();

    const streams = instances.flatMap((_, instance) => Array.from({ length: STREAMS_PER_INSTANCE }, (_, index) => stream(instance, index)));
    await sleep(4000);

    const stoppingAt = Date.now();
    server.stop("immediate");
    const outageFrom = Date.now();
    await sleep(OUTAGE_MS / 2);
    const healthDuringOutage = await Promise.all(instances.map(health));
    await sleep(OUTAGE_MS / 2);
    const outageUntil = Date.now();
    server.start();
    const restartedAt = Date.now();

    // The first 200 from each instance's health check, and from its inbound route.
    const recovery = await Promise.all(
      instances.map(async (instance) => {
        for (;;) {
          if ((await health(instance)).status === 200) return Date.now() - restartedAt;
          if (Date.now() - restartedAt > 30_000) return Infinity;
          await sleep(100);
        }
      }),
    );
    await sleep(6000);
    sending = false;
    giveUpAt = Date.now() + 20_000;
    await Promise.all(streams);
    const firstInbound2xx = instances.map((_, i) => {
      const first = attempts
        .filter((a) => a.instance === i && a.startedAt >= restartedAt && a.status >= 200 && a.status < 300)
        .sort((a, b) => a.endedAt - b.endedAt)[0];
      return first ? first.endedAt - restartedAt : Infinity;
    });

    // Requests that started and ended while the server was down (the test's own stop/start block
    // its event loop, so answers read during them are timed late and left out).
    const duringOutage = attempts.filter((a) => a.startedAt >= outageFrom && a.endedAt <= outageUntil);
    const latencies = duringOutage.map((a) => a.endedAt - a.startedAt);
    const statuses = attempts.reduce<Record<number, number>>((counts, a) => ({ ...counts, [a.status]: (counts[a.status] ?? 0) + 1 }), {});
    console.log(
      `outage ${outageUntil - outageFrom} ms: ${duringOutage.length} requests answered during it, statuses ${JSON.stringify(
        duringOutage.reduce<Record<number, number>>((counts, a) => ({ ...counts, [a.status]: (counts[a.status] ?? 0) + 1 }), {}),
      )}, latency max ${Math.max(...latencies)} ms, p95 ${percentile(latencies, 95)} ms, median ${percentile(latencies, 50)} ms`,
    );
    console.log(`after the restart: health 200 after ${recovery.join(" / ")} ms, first inbound 2xx after ${firstInbound2xx.join(" / ")} ms (instance 0 / 1)`);
    const answerTimes = (from: number, until: number) => {
      const phase = attempts.filter((a) => a.startedAt >= from && a.endedAt < until);
      const times = phase.map((a) => a.endedAt - a.startedAt);
      return `p95 ${percentile(times, 95)} ms, max ${Math.max(0, ...times)} ms, ${phase.filter((a) => a.status >= 500).length} of ${phase.length} 5xx`;
    };
    console.log(`answer times before the outage ${answerTimes(loadFrom, stoppingAt)}, after the restart ${answerTimes(restartedAt, Infinity)}`);
    console.log(
      `${sent.length} emails accepted (${undelivered} given up) in ${attempts.length} attempts; statuses ${JSON.stringify(statuses)}; slowest answer ${Math.max(...attempts.map((a) => a.endedAt - a.startedAt))} ms`,
    );

    expect(duringOutage.length, output()).toBeGreaterThan(20);
    expect(
      duringOutage.filter((a) => a.status < 500),
      output(),
    ).toEqual([]);
    expect(Math.max(...latencies)).toBeLessThan(2000);
    expect(healthDuringOutage.map((h) => h.status)).toEqual([503, 503]);
    expect(Math.max(...recovery), output()).toBeLessThan(5000);
    expect(Math.max(...firstInbound2xx), output()).toBeLessThan(5000);
    expect(undelivered, output()).toBe(0);
    // Never a hang, never a 4xx (a provider drops mail answered 4xx).
    expect(
      attempts.filter((a) => a.status === 0 || (a.status >= 400 && a.status < 500)),
      output(),
    ).toEqual([]);

    // No leaked connection: once quiet, each instance's pool is all idle.
    const pools: (PoolCounts | undefined)[] = [];
    for (const instance of instances) {
      let pool: PoolCounts | undefined;
      for (let tries = 0; tries < 40; tries++) {
        pool = (await health(instance)).body.pool;
        if (pool && pool.idle === pool.total) break;
        await sleep(100);
      }
      pools.push(pool);
    }
    console.log(`pools when quiet: ${JSON.stringify(pools)}`);
    for (const pool of pools) {
      expect(pool).toBeDefined();
      expect(pool!.waiting).toBe(0);
      expect(pool!.total).toBeLessThanOrEqual(POOL_MAX);
      expect(pool!.idle).toBe(pool!.total);
    }

    // Orphaned jobs (claimed when the database went away) resume within 30 s of the restart.
    let jobsLeft = -1;
    for (;;) {
      jobsLeft = await db.job.count({ where: { workspaceId: ws.workspace.id, status: { not: "done" } } });
      if (jobsLeft === 0 || Date.now() - restartedAt > 30_000) break;
      await sleep(250);
    }
    console.log(`jobs all done ${Date.now() - restartedAt} ms after the restart (${jobsLeft} left)`);
    expect(jobsLeft, output()).toBe(0);

    // Every accepted email exactly once, in the ticket the sender expects; one ticket per new thread.
    const where = { workspaceId: ws.workspace.id };
    const messages = await db.message.findMany({ where: { ...where, direction: "inbound" }, select: { messageIdHeader: true, ticketId: true } });
    const stored = new Map<string, string[]>();
    for (const message of messages) stored.set(message.messageIdHeader ?? "", [...(stored.get(message.messageIdHeader ?? "") ?? []), message.ticketId]);
    const lost = sent.filter((email) => !stored.has(bare(email.messageId)));
    const duplicated = [...stored.values()].filter((tickets) => tickets.length > 1);
    const newThreads = sent.filter((email) => email.parentMessageId === null);
    const ticketOf = new Map(sent.map((email) => [email.messageId, email.ticketId]));
    const misthreaded = sent.filter(
      (email) => stored.get(bare(email.messageId))?.[0] !== (email.parentMessageId ? ticketOf.get(email.parentMessageId) : email.ticketId),
    );
    const tickets = await db.ticket.findMany({ where, select: { id: true, _count: { select: { tags: true } } } });
    const confirmations = await db.outboundEmail.groupBy({ by: ["ticketId"], where: { ...where, kind: "confirmation" }, _count: true });
    const automations = await db.activityEvent.groupBy({ by: ["ticketId"], where: { ...where, type: "automation_applied" }, _count: true });
    const matchCount = (await db.automationRule.findUniqueOrThrow({ where: { id: rule.id } })).matchCount;
    console.log(
      `${sent.length} accepted (${newThreads.length} new tickets, ${sent.length - newThreads.length} replies): ${messages.length} stored, ${lost.length} lost, ${duplicated.length} duplicated, ${misthreaded.length} misthreaded; ${tickets.length} tickets, ${confirmations.length} confirmed (max ${Math.max(...confirmations.map((c) => c._count))} each), ${automations.length} automated (max ${Math.max(...automations.map((a) => a._count))} each), rule matched ${matchCount} times`,
    );
    expect(lost).toEqual([]);
    expect(duplicated).toEqual([]);
    expect(messages).toHaveLength(sent.length);
    expect(misthreaded).toEqual([]);
    expect(tickets).toHaveLength(newThreads.length);
    expect(new Set(newThreads.map((email) => email.ticketId)).size).toBe(newThreads.length);
    expect(confirmations.map((c) => c._count)).toEqual(tickets.map(() => 1));
    expect(automations.map((a) => a._count)).toEqual(tickets.map(() => 1));
    expect(tickets.filter((ticket) => ticket._count.tags !== 1)).toEqual([]);
    expect(matchCount).toBe(tickets.length);
  }, 240_000);
});
