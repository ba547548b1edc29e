// Live-event delay: the time from an inbound webhook POST to its ticket's event at an SSE client
// (GET /api/v1/workspaces/:id/events), on a fresh database. PGlite: one `npm start`. PostgreSQL
// (DATABASE_URL names a server): two instances, the email posted to A and the stream held on B,
// so the event crosses instances through LISTEN/NOTIFY. Emails one at a time, then concurrently.
//   npm run bench:live [-- <emails per run> [<concurrency>...] ]   (default: 200 1 8)
import { randomUUID } from "node:crypto";
import { readLiveEvents } from "@/test/live";
import { demoToken, demoWorkspace, freshBenchDatabase, percentile, runConcurrently, startServer } from "./lib";

const emails = Number(process.argv[2] ?? 200);
const concurrencies = process.argv.length > 3 ? process.argv.slice(3).map(Number) : [1, 8];
const WARM_UP = 20;
const EVENT_TIMEOUT_MS = 10_000;

async function main() {
  const database = await freshBenchDatabase("bench_live");
  const onPostgres = database.label.startsWith("PostgreSQL");
  const demo = await demoWorkspace(database.url);
  const token = await demoToken(database.url, "agent@demo.test");
  const mailbox = demo.mailboxes.find((m) => m.purpose === "ticket")!;
  const servers = onPostgres ? await Promise.all([startServer(database.url, 3221), startServer(database.url, 3222)]) : [await startServer(database.url, 3221)];
  const [poster, listener] = [servers[0]!, servers.at(-1)!];
  console.log(
    `live events on ${database.label}: ${onPostgres ? "email posted to instance A, stream on instance B" : "one instance"}; ${emails} emails per run after ${WARM_UP} to warm up`,
  );

  // When each ticket's event arrived, and who waits for it.
  const arrivals = new Map<string, number>();
  const waiters = new Map<string, () => void>();
  const response = await fetch(`${listener.url}/api/v1/workspaces/${demo.id}/events`, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`the stream answered ${response.status}: ${await response.text()}`);
  const stream = readLiveEvents(response, (event) => {
    if (event.kind !== "ticket" || !event.ticketId || arrivals.has(event.ticketId)) return;
    arrivals.set(event.ticketId, performance.now());
    waiters.get(event.ticketId)?.();
  });

  /** One new-thread email: its delay from the POST to the event at the stream, and to the POST's answer, in ms. */
  const delayOf = async (): Promise<{ event: number; answer: number }> => {
    const started = performance.now();
    const posted = await fetch(`${poster.url}/api/rpc/tickets/email/inbound`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        organizationId: demo.id,
        from: "Bench <bench@example.com>",
        to: mailbox.address,
        subject: `Live ${randomUUID()}`,
        text: "Hello",
        messageId: `<${randomUUID()}@bench.example.com>`,
      }),
    });
    const { ticketId } = (await posted.json()) as { ticketId?: string };
    const answer = performance.now() - started;
    if (!posted.ok || !ticketId) throw new Error(`the webhook answered ${posted.status}`);
    if (!arrivals.has(ticketId)) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no event for ticket ${ticketId} within ${EVENT_TIMEOUT_MS} ms`)), EVENT_TIMEOUT_MS);
        waiters.set(ticketId, () => {
          clearTimeout(timer);
          resolve();
        });
      });
      waiters.delete(ticketId);
    }
    return { event: arrivals.get(ticketId)! - started, answer };
  };

  try {
    for (const concurrency of concurrencies) {
      const measure = async (n: number) => {
        const runs: { event: number; answer: number }[] = [];
        await runConcurrently(n, concurrency, async () => void runs.push(await delayOf()));
        return { events: runs.map((r) => r.event).sort((a, b) => a - b), answers: runs.map((r) => r.answer).sort((a, b) => a - b) };
      };
      await measure(WARM_UP);
      const { events, answers } = await measure(emails);
      const ms = (sorted: number[], p: number) => percentile(sorted, p).toFixed(1).padStart(7);
      console.log(
        `  concurrency ${String(concurrency).padStart(2)}: POST → event p50 ${ms(events, 50)}  p95 ${ms(events, 95)}  p99 ${ms(events, 99)} ms` +
          `   (POST → its answer p50 ${ms(answers, 50)}  p95 ${ms(answers, 95)} ms; ${events.length} events)`,
      );
    }
  } finally {
    await stream.close();
    await Promise.all(servers.map((server) => server.stop()));
  }
}

await main();
