// Inbound webhook throughput: posts N emails over HTTP with concurrency C to `npm start` on a fresh
// database (PGlite, or PostgreSQL when DATABASE_URL names a server); half start new threads, half
// reply to one of them by In-Reply-To. Prints emails/s and latency percentiles.
//   npm run bench:inbound [-- <emails> <concurrency>]
import { randomUUID } from "node:crypto";
import { demoWorkspace, freshBenchDatabase, percentile, runConcurrently, startServer } from "./lib";

const emails = Number(process.argv[2] ?? 2000);
const concurrency = Number(process.argv[3] ?? 16);

/** Email i starts a thread when i is even; an odd i replies to an even one a few places back. */
function emailAt(i: number, ids: string[], organizationId: string, to: string) {
  const isReply = i % 2 === 1;
  const original = isReply ? Math.max(0, i - 1 - 2 * (i % 5)) : i;
  return {
    organizationId,
    from: `Customer ${original} <customer${original}@example.com>`,
    to,
    subject: isReply ? `Re: Question ${original}` : `Question ${i}`,
    text: isReply ? `Thanks!\n\nOn Monday you wrote:\n> Question ${original}` : `Hello, this is question ${i}.`,
    messageId: `<${ids[i]}>`,
    ...(isReply ? { inReplyTo: `<${ids[original]}>` } : {}),
  };
}

async function main() {
  const database = await freshBenchDatabase("bench_inbound");
  const demo = await demoWorkspace(database.url);
  const mailbox = demo.mailboxes.find((m) => m.purpose === "ticket")!;
  const server = await startServer(database.url, 3210);
  try {
    const ids = Array.from({ length: emails }, () => `${randomUUID()}@bench.example.com`);
    const tickets = new Set<string>();
    let failures = 0;
    const started = performance.now();
    const latencies = await runConcurrently(emails, concurrency, async (i) => {
      const response = await fetch(`${server.url}/api/rpc/tickets/email/inbound`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(emailAt(i, ids, demo.id, mailbox.address)),
      });
      const answer = response.ok ? ((await response.json()) as { ticketId?: string }) : {};
      if (answer.ticketId) tickets.add(answer.ticketId);
      else failures++;
    });
    const seconds = (performance.now() - started) / 1000;
    const ms = (p: number) => percentile(latencies, p).toFixed(1);
    console.log(`inbound webhook on ${database.label}: ${emails} emails, concurrency ${concurrency}`);
    console.log(`  throughput  ${(emails / seconds).toFixed(1)} emails/s (${seconds.toFixed(1)} s)`);
    console.log(`  latency ms  p50 ${ms(50)}  p95 ${ms(95)}  p99 ${ms(99)}`);
    console.log(`  tickets     ${tickets.size} (expected ${Math.ceil(emails / 2)}), failed requests ${failures}`);
  } finally {
    await server.stop();
  }
}

await main();
