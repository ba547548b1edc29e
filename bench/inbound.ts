// Inbound webhook throughput: posts N emails over HTTP to `npm start` on a fresh database (PGlite, or
// PostgreSQL when DATABASE_URL names a server) at each concurrency; half start new threads, half
// reply to one of them by In-Reply-To. Prints emails/s and latency percentiles, for the webhook alone
// (the job worker off) and for the webhook with the worker draining the follow-up in the same
// process. On PostgreSQL each app run is followed by the ceiling at the same concurrency (bench/inbound-ceiling.ts: a bare `pg`
// pool of the app's DATABASE_POOL_MAX doing the same essential database work), alternating so noise
// hits both, and the ratio app / ceiling. Last, in-process, the app's statements and CPU per
// new-ticket email and per reply (bench/inbound-statements.ts).
//   npm run bench:inbound [-- <emails per run> [<concurrency>...] ]   (default: 2000 8 16 32)
//   env INBOUND_STATEMENT_EMAILS: emails for the in-process count (default 500)
import { randomUUID } from "node:crypto";
import pg from "pg";
import { appConfig } from "@/env";
import { ceilingIngest, type CeilingEmail } from "./inbound-ceiling";
import { statementsPerEmail, type PerEmail } from "./inbound-statements";
import { demoWorkspace, freshBenchDatabase, percentile, runConcurrently, startServer } from "./lib";

const emails = Number(process.argv[2] ?? 2000);
const concurrencies = process.argv.length > 3 ? process.argv.slice(3).map(Number) : [8, 16, 32];
const statementEmails = Number(process.env.INBOUND_STATEMENT_EMAILS ?? 500);
const WARM_UP = 100;
// The in-process count goes through the rate limiter too: high enough never to refuse.
process.env.RATE_LIMIT_INBOUND_PER_WORKSPACE = "1000000000";

/** Email i of a run starts a thread when i is even; an odd i replies to an even one a few places back. */
function emailAt(i: number, ids: string[]): CeilingEmail & { original: number } {
  const isReply = i % 2 === 1;
  const original = isReply ? Math.max(0, i - 1 - 2 * (i % 5)) : i;
  return {
    original,
    fromEmail: `customer${original}.${ids[original]!.slice(0, 8)}@example.com`,
    fromName: `Customer ${original}`,
    to: "",
    subject: isReply ? `Re: Question ${original}` : `Question ${i}`,
    text: isReply ? `Thanks!\n\nOn Monday you wrote:\n> Question ${original}` : `Hello, this is question ${i}.`,
    messageId: ids[i]!,
    inReplyTo: isReply ? ids[original]! : null,
  };
}

const webhookBody = (email: CeilingEmail, organizationId: string, to: string) => ({
  organizationId,
  from: `${email.fromName} <${email.fromEmail}>`,
  to,
  subject: email.subject,
  text: email.text,
  messageId: `<${email.messageId}>`,
  ...(email.inReplyTo ? { inReplyTo: `<${email.inReplyTo}>` } : {}),
});

interface Run {
  perSecond: number;
  latencies: number[];
  tickets: number;
  failures: number;
}

/** `count` emails at `concurrency`, after a warm-up of the same kind; each answers its ticket id or null. */
async function measure(count: number, concurrency: number, send: (email: CeilingEmail) => Promise<string | null>): Promise<Run> {
  const run = async (n: number) => {
    const ids = Array.from({ length: n }, () => `${randomUUID()}@bench.example.com`);
    const tickets = new Set<string>();
    let failures = 0;
    const started = performance.now();
    const latencies = await runConcurrently(n, concurrency, async (i) => {
      const ticketId = await send(emailAt(i, ids)).catch(() => null);
      if (ticketId) tickets.add(ticketId);
      else failures++;
    });
    return { perSecond: n / ((performance.now() - started) / 1000), latencies, tickets: tickets.size, failures };
  };
  await run(WARM_UP);
  return run(count);
}

const ms = (run: Run, p: number) => percentile(run.latencies, p).toFixed(1).padStart(7);
const line = (label: string, run: Run) =>
  `  ${label.padEnd(8)} ${run.perSecond.toFixed(1).padStart(8)} emails/s  p50 ${ms(run, 50)}  p95 ${ms(run, 95)}  p99 ${ms(run, 99)} ms  ` +
  `${run.tickets} tickets (expected ${Math.ceil(emails / 2)}), ${run.failures} failed`;

function perEmail(label: string, figures: PerEmail, onPostgres: boolean) {
  const each = (n: number) => (n / figures.emails).toFixed(1);
  const statements = onPostgres
    ? `${each(figures.reported + figures.begins)} statements = ${each(figures.reported)} reported (Prisma and the ingest driver) + ${each(figures.begins)} BEGIN unreported (${each(figures.wire)} on the wire)`
    : `${each(figures.reported)} statements reported by Prisma (no COMMIT among them; PGlite has no wire to check against)`;
  console.log(`  ${label.padEnd(10)} ${statements}   CPU ${(figures.cpuMicros / figures.emails).toFixed(0)} µs user+system   (${figures.emails} emails)`);
}

/**
 * The two ways the app is measured: the webhook alone (its follow-up jobs wait in the queue, as the
 * ceiling's do), and the webhook with the job worker draining the follow-up (automations,
 * confirmation) in the same process, as one instance runs in production.
 */
const MODES = [
  { label: "app", env: { JOB_WORKER: "off" } },
  { label: "app+jobs", env: { JOB_WORKER: "on" } },
];

async function main() {
  const database = await freshBenchDatabase("bench_inbound");
  const onPostgres = database.label.startsWith("PostgreSQL");
  const demo = await demoWorkspace(database.url);
  const mailbox = demo.mailboxes.find((m) => m.purpose === "ticket")!;
  const poolMax = appConfig().DATABASE_POOL_MAX;
  const pool = onPostgres ? new pg.Pool({ connectionString: database.url, max: poolMax }) : null;
  const mailboxId = pool ? (await pool.query<{ id: string }>(`SELECT "id" FROM "Mailbox" WHERE "address" = $1`, [mailbox.address])).rows[0]!.id : "";
  console.log(
    `inbound webhook on ${database.label}: ${emails} emails per run (after ${WARM_UP} to warm up), ${pool ? `pool of ${poolMax} connections` : "one embedded connection"}`,
  );
  try {
    for (const mode of MODES) {
      console.log(
        `${mode.label}: ${mode.env.JOB_WORKER === "off" ? "the webhook alone, its follow-up jobs left queued (as the ceiling's are)" : "the webhook with the job worker draining the follow-up in the same process"}`,
      );
      const server = await startServer(database.url, 3210, mode.env);
      const app = (email: CeilingEmail) =>
        fetch(`${server.url}/api/rpc/tickets/email/inbound`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(webhookBody(email, demo.id, mailbox.address)),
        }).then(async (response) => (response.ok ? ((await response.json()) as { ticketId?: string }).ticketId : null) ?? null);
      try {
        for (const concurrency of concurrencies) {
          console.log(`concurrency ${concurrency}`);
          const appRun = await measure(emails, concurrency, app);
          console.log(line(mode.label, appRun));
          if (!pool) continue;
          const ceiling = await measure(emails, concurrency, (email) => ceilingIngest(pool, demo.id, mailboxId, { ...email, to: mailbox.address }));
          console.log(line("ceiling", ceiling));
          const p99 = (run: Run) => percentile(run.latencies, 99);
          console.log(
            `  ${mode.label} / ceiling: ${(appRun.perSecond / ceiling.perSecond).toFixed(2)} of the throughput, ${(p99(appRun) / p99(ceiling)).toFixed(2)}x the p99`,
          );
        }
      } finally {
        await server.stop();
      }
      // The follow-up the webhook-only runs left queued is not the next mode's work.
      await pool?.query(`DELETE FROM "Job" WHERE "status" = 'pending'`);
    }
  } finally {
    await pool?.end();
  }
  // In-process, after the server has stopped: the app's statements and CPU per email.
  const ids = Array.from({ length: statementEmails + WARM_UP }, () => `${randomUUID()}@bench.example.com`);
  const bodies = ids.map((_, i) => ({ body: webhookBody(emailAt(i, ids), demo.id, mailbox.address), isReply: i % 2 === 1 }));
  await statementsPerEmail(database.url, demo.id, bodies.slice(0, WARM_UP));
  const counted = await statementsPerEmail(database.url, demo.id, bodies.slice(WARM_UP));
  console.log(`the app in-process (ingest service called directly, one email at a time), per email:`);
  perEmail("new ticket", counted.newTicket, onPostgres);
  perEmail("reply", counted.reply, onPostgres);
}

await main();
