// Ticket list and search latency at scale: seeds a fresh database (PostgreSQL when DATABASE_URL
// names a server, else PGlite) with N tickets and 5 messages each on average, then prints p50/p95
// of the default list, a status+tag+assignee filtered list, a full-text search and a ticket with
// 50 messages, each through the same service the API uses, then the plan of every statement that
// service sent (recorded from the client as it ran, so the plans are of the app's own queries).
//   npm run bench:tickets [-- <tickets>]      (default 100000 tickets, 500000 messages)
import { Prisma } from "@/generated/prisma/client";
import { resolveWorkspaceAccess } from "@/server/auth/access";
import { openDatabase, type Db, type SentQuery } from "@/server/db";
import { databaseConfigFromUrl } from "@/server/db/config";
import { runMigrations } from "@/server/db/migrate";
import { listTickets, getTicketDetail } from "@/server/tickets/tickets.service";
import { freshBenchDatabase, percentile } from "./lib";

const tickets = Number(process.argv[2] ?? 100_000);
const WORDS = [
  "invoice",
  "refund",
  "login",
  "password",
  "export",
  "billing",
  "crash",
  "upgrade",
  "shipping",
  "delivery",
  "account",
  "error",
  "timeout",
  "mobile",
  "report",
];

async function seed(db: Db) {
  const ws = await db.workspace.create({ data: { name: "Bench", slug: "bench", lastTicketNumber: tickets } });
  const agents = await Promise.all(
    Array.from({ length: 5 }, (_, i) => db.user.create({ data: { email: `agent${i}@bench.test`, memberships: { create: { workspaceId: ws.id } } } })),
  );
  const tags = await Promise.all(Array.from({ length: 10 }, (_, i) => db.tag.create({ data: { workspaceId: ws.id, name: `tag${i}` } })));
  const words = Prisma.sql`ARRAY[${Prisma.join(WORDS)}]`;
  const agentIds = Prisma.sql`ARRAY[${Prisma.join(agents.map((a) => a.id))}]::uuid[]`;
  await db.$executeRaw`
    INSERT INTO "Ticket" ("id", "workspaceId", "ticketNumber", "subject", "status", "priority", "assigneeId", "lastActivityAt", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), ${ws.id}::uuid, n,
      initcap((${words})[1 + n % 15]) || ' ' || (${words})[1 + (n / 15) % 15] || ' question ' || n,
      (ARRAY['open','pending','closed']::"TicketStatus"[])[1 + n % 3],
      (ARRAY['low','normal','high','urgent']::"TicketPriority"[])[1 + n % 4],
      CASE WHEN n % 6 = 0 THEN NULL ELSE (${agentIds})[1 + n % 5] END,
      now() - (n || ' seconds')::interval, now() - (n || ' seconds')::interval, now()
    FROM generate_series(1, ${tickets}) AS n`;
  // 5 messages per ticket on average (1 to 9), 50 on ticket number 1.
  await db.$executeRaw`
    INSERT INTO "Message" ("id", "workspaceId", "ticketId", "direction", "bodyText", "fromAddress", "createdAt")
    SELECT gen_random_uuid(), t."workspaceId", t."id", 'inbound',
      'Hello, about my ' || (${words})[1 + (t."ticketNumber" * 7 + m) % 15] || ': the ' || (${words})[1 + (m * 3) % 15] || ' does not work since ' || m || ' days.',
      'customer' || t."ticketNumber" || '@example.com', t."createdAt" + (m || ' minutes')::interval
    FROM "Ticket" t, generate_series(1, 50) AS m
    WHERE t."workspaceId" = ${ws.id}::uuid AND (m <= 1 + t."ticketNumber" % 9 OR t."ticketNumber" = 1)`;
  await db.$executeRaw`
    INSERT INTO "TicketTag" ("ticketId", "tagId")
    SELECT t."id", (${Prisma.sql`ARRAY[${Prisma.join(tags.map((t) => t.id))}]::uuid[]`})[1 + t."ticketNumber" % 10]
    FROM "Ticket" t WHERE t."workspaceId" = ${ws.id}::uuid AND t."ticketNumber" % 2 = 0`;
  await db.$executeRawUnsafe("ANALYZE");
  return { workspaceId: ws.id, agentId: agents[1]!.id };
}

async function measure(name: string, runs: number, run: () => Promise<unknown>) {
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(`  ${name.padEnd(38)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms`);
}

/** Statements a service call sent, in order; read with `sent.splice(0)` after a call. */
const sent: SentQuery[] = [];
let recording = false;

/** The SQL and plan of every statement that one call of the service sent (transaction control left out). */
async function explainServiceCall(db: Db, label: string, run: () => Promise<unknown>) {
  recording = true;
  await run();
  recording = false;
  const statements = sent.splice(0).filter((entry) => /^\s*(SELECT|WITH)\b/i.test(entry.query));
  console.log(`\nplans of ${label}: ${statements.length} statement${statements.length === 1 ? "" : "s"}`);
  for (const [i, statement] of statements.entries()) {
    const params = JSON.parse(statement.params) as unknown[];
    const rows = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${statement.query}`, ...params);
    console.log(`  [${i + 1}] ${statement.query.replace(/\s+/g, " ").slice(0, 400)}`);
    // Long id lists (`= ANY ('{…}')`) are cut: the plan's shape is what matters.
    console.log(rows.map((r) => `      ${r["QUERY PLAN"].slice(0, 200)}`).join("\n"));
  }
}

async function main() {
  const database = await freshBenchDatabase("bench_tickets");
  await runMigrations(database.url);
  const handle = openDatabase(databaseConfigFromUrl(database.url), { onQuery: (query) => recording && sent.push(query) });
  const db = handle.db;
  try {
    const started = performance.now();
    const { workspaceId, agentId } = await seed(db);
    const messages = await db.message.count();
    console.log(`tickets on ${database.label}: ${tickets} tickets, ${messages} messages (seeded in ${((performance.now() - started) / 1000).toFixed(0)} s)`);
    const big = await db.ticket.findFirstOrThrow({ where: { workspaceId, ticketNumber: 1 } });
    const access = await resolveWorkspaceAccess(db, { kind: "session", userId: agentId }, { id: workspaceId });
    await measure("default list (100, newest activity)", 50, () => listTickets(db, access, {}));
    await measure("status + tag + assignee filters", 50, () => listTickets(db, access, { status: ["open"], tags: ["tag4"], assignee: agentId }));
    await measure('full-text search "refund crash"', 50, () => listTickets(db, access, { search: "refund crash" }));
    await measure("ticket with 50 messages", 50, () => getTicketDetail(db, access, big.id));

    await explainServiceCall(db, "the default list", () => listTickets(db, access, {}));
    await explainServiceCall(db, "the filtered list", () => listTickets(db, access, { status: ["open"], tags: ["tag4"], assignee: agentId }));
    await explainServiceCall(db, "the search", () => listTickets(db, access, { search: "refund crash" }));
    await explainServiceCall(db, "a ticket with 50 messages", () => getTicketDetail(db, access, big.id));
  } finally {
    await handle.close();
  }
}

await main();
