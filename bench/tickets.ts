// Ticket reads at scale, the app beside its ceiling: seeds a fresh database (PostgreSQL when
// DATABASE_URL names a server, else PGlite) with N tickets over 12 workspaces (45 % of them in one)
// and 5 messages per ticket on average, set-based; then, for each path the inbox and the ticket page
// take, times the app's service call and a bare `pg` client sending hand-written SQL for the same
// answer, alternating run by run, and prints p50/p95 of both and the p95 ratio.
//   npm run bench:tickets [-- <tickets> [<runs>] [--plans] [--reuse]]   (default 1,000,000 tickets, 100 runs;
//   --reuse measures the PostgreSQL database an earlier run seeded instead of seeding again)
import pg from "pg";
import { resolveWorkspaceAccess, type WorkspaceAccess } from "@/server/auth/access";
import { openDatabase, type Db, type SentQuery } from "@/server/db";
import { databaseConfigFromUrl } from "@/server/db/config";
import { runMigrations } from "@/server/db/migrate";
import { countUnreadTickets } from "@/server/tickets/read-state";
import { countTicketTabs } from "@/server/tickets/ticket-counts";
import { getTicketDetail, listTickets } from "@/server/tickets/tickets.service";
import { freshBenchDatabase, percentile } from "./lib";
import { findSeededTickets, seedTickets, type SeededTickets } from "./tickets-seed";
import * as ceiling from "./tickets-ceiling";

const args = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const tickets = Number(args[0] ?? 1_000_000);
const runs = Number(args[1] ?? 100);
const showPlans = process.argv.includes("--plans");
const reuse = process.argv.includes("--reuse");

interface Path {
  name: string;
  goalMs: number;
  app: () => Promise<unknown>;
  /** Null on PGlite: a bare client cannot share its one connection. */
  ceiling: (() => Promise<unknown>) | null;
}

async function timed(run: () => Promise<unknown>, into: number[]) {
  const started = performance.now();
  await run();
  into.push(performance.now() - started);
}

async function measure(path: Path) {
  const app: number[] = [];
  const bare: number[] = [];
  await path.app();
  await path.ceiling?.();
  for (let i = 0; i < runs; i++) {
    // Alternating, so a noisy neighbour slows both alike.
    await timed(path.app, app);
    if (path.ceiling) await timed(path.ceiling, bare);
  }
  app.sort((a, b) => a - b);
  bare.sort((a, b) => a - b);
  const [appP95, bareP95] = [percentile(app, 95), percentile(bare, 95)];
  const ms = (n: number) => (Number.isNaN(n) ? "      –" : n.toFixed(1).padStart(7));
  const verdict = appP95 < path.goalMs && (!path.ceiling || appP95 <= 2 * bareP95) ? "met" : "NOT met";
  const ratio = path.ceiling ? `${(appP95 / bareP95).toFixed(2).padStart(5)}×` : "     –";
  console.log(
    `  ${path.name.padEnd(40)} ${ms(percentile(app, 50))} ${ms(appP95)}   ${ms(percentile(bare, 50))} ${ms(bareP95)}   ${ratio}   < ${path.goalMs} ms, ≤ 2×: ${verdict}`,
  );
}

/** Statements the app sent while recording, in order. */
const sent: SentQuery[] = [];
let recording = false;

async function explainServiceCall(db: Db, label: string, run: () => Promise<unknown>) {
  recording = true;
  await run();
  recording = false;
  const statements = sent.splice(0).filter((entry) => /^\s*(SELECT|WITH)\b/i.test(entry.query));
  console.log(`\nplans of ${label}: ${statements.length} statement${statements.length === 1 ? "" : "s"}`);
  for (const statement of statements) {
    const params = JSON.parse(statement.params) as unknown[];
    const rows = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${statement.query}`, ...params);
    console.log(rows.map((r) => `      ${r["QUERY PLAN"].slice(0, 160)}`).join("\n"));
  }
}

function paths(db: Db, pool: pg.Pool | null, access: WorkspaceAccess, ids: SeededTickets, deepCursor: string): Path[] {
  const ws = ids.workspaceId;
  const page = { limit: 50, count: "none" } as const;
  const bare = (run: (pool: pg.Pool) => Promise<unknown>) => (pool ? () => run(pool) : null);
  return [
    {
      name: "inbox list page (50, no total)",
      goalMs: 20,
      app: () => listTickets(db, access, page),
      ceiling: bare((p) => ceiling.listPage(p, ws, { readerId: access.user.id })),
    },
    {
      // The seed gives this agent pending tickets tagged tag6 (one in 30 of the workspace's).
      name: "filtered list (pending + tag + assignee)",
      goalMs: 20,
      app: () => listTickets(db, access, { ...page, status: ["pending"], tags: ["tag6"], assignee: ids.agentId }),
      ceiling: bare((p) => ceiling.listPage(p, ws, { readerId: access.user.id, status: "pending", tag: "tag6", assigneeId: ids.agentId })),
    },
    ...["refund", "refund crash 4242"].map((words) => ({
      name: `search "${words}"`,
      goalMs: 50,
      app: () => listTickets(db, access, { ...page, search: words }),
      ceiling: bare((p) => ceiling.listPage(p, ws, { readerId: access.user.id, search: words })),
    })),
    {
      // The seed gives each contact about 20 tickets; the address is searched as typed, no operator.
      name: "sender search (an address)",
      goalMs: 50,
      app: () => listTickets(db, access, { ...page, search: "customer7@example.com" }),
      ceiling: bare((p) => ceiling.listPage(p, ws, { readerId: access.user.id, senderEmail: "customer7@example.com" })),
    },
    {
      // The seed gives open and pending high and urgent tickets a resolution due time.
      name: "due soonest (SLA)",
      goalMs: 50,
      app: () => listTickets(db, access, { ...page, sort: "due" }),
      ceiling: bare((p) => ceiling.listPage(p, ws, { readerId: access.user.id, dueFirst: true })),
    },
    {
      name: "ticket with 50 messages",
      goalMs: 20,
      app: () => getTicketDetail(db, access, ids.bigTicketId),
      ceiling: bare((p) => ceiling.ticketDetail(p, ws, ids.bigTicketId)),
    },
    {
      name: "inbox poll (page + five tab counts)",
      goalMs: 30,
      app: () => Promise.all([listTickets(db, access, page), countTicketTabs(db, access, {})]),
      ceiling: bare((p) => Promise.all([ceiling.listPage(p, ws, { readerId: access.user.id }), ceiling.tabCounts(p, ws)])),
    },
    // The browser tab's count reads only the caller's own reads (see read-state.ts).
    { name: "unread tickets (tab title)", goalMs: 10, app: () => countUnreadTickets(db, access), ceiling: null },
    {
      name: "page 200 by cursor",
      goalMs: 20,
      app: () => listTickets(db, access, { ...page, cursor: deepCursor }),
      ceiling: bare((p) => ceiling.listPage(p, ws, { readerId: access.user.id, after: deepCursor })),
    },
    {
      name: "REST default list (100, exact total)",
      goalMs: 20,
      app: () => listTickets(db, access, {}),
      ceiling: bare((p) => Promise.all([ceiling.listPage(p, ws, { readerId: access.user.id, limit: 100 }), ceiling.exactCount(p, ws)])),
    },
  ];
}

async function main() {
  const database = await freshBenchDatabase("bench_tickets", { keep: reuse });
  await runMigrations(database.url);
  const handle = openDatabase(databaseConfigFromUrl(database.url), { onQuery: (query) => recording && sent.push(query) });
  const db = handle.db;
  try {
    const started = performance.now();
    const ids = (reuse && (await findSeededTickets(db))) || (await seedTickets(db, tickets));
    const [counts] = await db.$queryRaw<{ tickets: bigint; messages: bigint; big: bigint }[]>`
      SELECT (SELECT count(*) FROM "Ticket") AS tickets, (SELECT count(*) FROM "Message") AS messages,
        (SELECT count(*) FROM "Ticket" WHERE "workspaceId" = ${ids.workspaceId}::uuid) AS big`;
    console.log(
      `tickets on ${database.label}: ${counts!.tickets} tickets (${counts!.big} in the measured workspace), ${counts!.messages} messages, ready in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    const access = await resolveWorkspaceAccess(db, { kind: "session", userId: ids.agentId }, { id: ids.workspaceId });
    let deepCursor: string | undefined;
    for (let i = 0; i < 199; i++) deepCursor = (await listTickets(db, access, { limit: 50, count: "none", cursor: deepCursor })).nextCursor ?? undefined;

    // The ceiling's pool is as large as the app's, so side-by-side statements run side by side in both.
    const pool = databaseConfigFromUrl(database.url).kind === "postgres" ? new pg.Pool({ connectionString: database.url, max: 10 }) : null;
    if (!pool) console.log("(PGlite: the app alone; the ceiling needs a PostgreSQL server, set DATABASE_URL)");
    try {
      console.log(`\n${runs} runs each, alternating; ms              app p50     p95   ceiling p50     p95   ratio   goal`);
      for (const path of paths(db, pool, access, ids, deepCursor!)) await measure(path);
    } finally {
      await pool?.end();
    }
    if (showPlans) {
      await explainServiceCall(db, "the inbox list page", () => listTickets(db, access, { limit: 50, count: "none" }));
      await explainServiceCall(db, "the tab counts", () => countTicketTabs(db, access, {}));
      await explainServiceCall(db, "the common-word search", () => listTickets(db, access, { limit: 50, count: "none", search: "refund" }));
      await explainServiceCall(db, "a ticket with 50 messages", () => getTicketDetail(db, access, ids.bigTicketId));
    }
  } finally {
    await handle.close();
  }
}

await main();
