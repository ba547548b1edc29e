// Automation rules cost per inbound email: 100 active rules of mixed conditions (no stop_on_match,
// so every rule is evaluated) against a sender in 50 of 200 contact lists. First the engine alone
// (no database; with an HTML body stripped to text first). Then the new-ticket follow-up job as the
// worker runs it (PostgreSQL when DATABASE_URL names a server, else PGlite): `concurrency` jobs at a
// time, each loading what it needs, evaluating the rules and writing every match's effects (each
// rule adds a tag) and the confirmation; throughput, latency and round trips per email. On
// PostgreSQL, beside it, the ceiling: a bare `pg` pool doing the same essential reads and writes at
// the same concurrency, and the ratio of the two.
//   npm run bench:automations [-- <emails> [<emails through the job> [<concurrency>]]]
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Job } from "@/generated/prisma/client";
import type { Condition } from "@/server/automations/automations.schema";
import { openDatabase, type Db } from "@/server/db";
import { databaseConfigFromUrl } from "@/server/db/config";
import { runMigrations } from "@/server/db/migrate";
import { enqueueJob, runPendingJobs } from "@/server/jobs/jobs";
import { appJobHandlers } from "@/server/jobs/registry";
import { createTicketInTx } from "@/server/tickets/create-ticket";
import { matchableBody } from "@/server/automations/email-text";
import { evaluateRules, type EngineRule } from "@/server/automations/evaluate-rules";
import { freshBenchDatabase, percentile, pgStatementsSent } from "./lib";

const emails = Number(process.argv[2] ?? 20_000);
const jobEmails = Number(process.argv[3] ?? 300);
const concurrency = Number(process.argv[4] ?? 4);
const lists = Array.from({ length: 200 }, () => randomUUID());
const senderListIds = lists.filter((_, i) => i % 4 === 0);

function conditionsFor(i: number): Condition[] {
  const pool: Condition[] = [
    { type: "from_email", operator: i % 2 === 0 ? "domain" : "equals", value: i % 2 === 0 ? `customer${i % 7}.com` : `person${i}@customer${i % 7}.com` },
    { type: "subject_contains", operator: "contains", value: ["urgent", "invoice", "refund", "outage", "password"][i % 5]! },
    { type: "body_contains", operator: "contains", value: ["cancel my subscription", "order number", "cannot log in", "charged twice"][i % 4]! },
    { type: "contact_list", operator: i % 3 === 0 ? "not_in" : "in", list_id: lists[(i * 7) % lists.length]! },
  ];
  // One to four conditions per rule, starting at a different kind each time.
  return Array.from({ length: 1 + (i % 4) }, (_, k) => pool[(i + k) % pool.length]!);
}

const rules: EngineRule[] = Array.from({ length: 100 }, (_, i) => ({
  id: randomUUID(),
  isActive: true,
  priority: i,
  stopOnMatch: false,
  createdAt: new Date(1_700_000_000_000 + i),
  conditions: conditionsFor(i),
}));

const paragraph = "Hello team, we were charged twice for the March invoice and now I cannot log in to the dashboard. ";
const html = `<html><body><table><tr><td>${Array.from({ length: 20 }, () => `<p>${paragraph}<b>Order number</b> 1234.</p>`).join("")}</td></tr></table></body></html>`;
const text = matchableBody({ text: null, html });

/** A figure, right-aligned (µs for the engine, ms for the job path). */
const us = (value: number) => value.toFixed(1).padStart(7);

function measure(label: string, perEmail: (i: number) => number): void {
  for (let i = 0; i < 1000; i++) perEmail(i);
  const micros: number[] = [];
  let matches = 0;
  for (let i = 0; i < emails; i++) {
    const started = performance.now();
    matches += perEmail(i);
    micros.push((performance.now() - started) * 1000);
  }
  micros.sort((a, b) => a - b);
  const mean = micros.reduce((sum, us) => sum + us, 0) / micros.length;
  console.log(
    `  ${label.padEnd(34)} mean ${us(mean)}  p50 ${us(percentile(micros, 50))}  p95 ${us(percentile(micros, 95))}  (${(matches / emails).toFixed(1)} rules matched per email)`,
  );
}

// 100 senders, each a contact in the database.
const senderOf = (i: number) => `person${i % 100}@customer${(i % 100) % 7}.com`;
const subjectOf = (i: number) => `Re: URGENT invoice problem #${i}`;

const evaluate = (i: number, body: string) =>
  evaluateRules(rules, {
    fromEmail: senderOf(i),
    subject: subjectOf(i),
    body,
    // Built per email, as a run loads the sender's memberships once and makes this Set.
    listIds: new Set(senderListIds),
  }).filter((evaluation) => evaluation.matched).length;

console.log(
  `automation rules: ${rules.length} active rules, ${rules.reduce((n, r) => n + r.conditions.length, 0)} conditions, sender in ${senderListIds.length} of ${lists.length} lists, ${text.length}-char body, ${emails} emails (µs per email)`,
);
measure("engine (plain-text body)", (i) => evaluate(i, text));
measure("engine + HTML body to text", (i) => evaluate(i, matchableBody({ text: null, html })));

/** The same rules and lists in a database: 100 senders, each in the same 50 lists; rules add a tag. */
async function seedRules(db: Db) {
  const workspace = await db.workspace.create({ data: { name: "Bench", slug: "bench" } });
  const tag = await db.tag.create({ data: { workspaceId: workspace.id, name: "matched" } });
  await db.contactList.createMany({ data: lists.map((id, i) => ({ id, workspaceId: workspace.id, name: `list ${i}` })) });
  const contacts = await db.contact.createManyAndReturn({ data: Array.from({ length: 100 }, (_, i) => ({ workspaceId: workspace.id, email: senderOf(i) })) });
  await db.contactListMember.createMany({ data: contacts.flatMap((contact) => senderListIds.map((listId) => ({ listId, contactId: contact.id }))) });
  await db.automationRule.createMany({
    data: rules.map((rule, i) => ({
      id: rule.id,
      workspaceId: workspace.id,
      name: `rule ${i}`,
      event: "ticket_created" as const,
      priority: rule.priority,
      conditions: rule.conditions,
      actions: [{ type: "add_tag", tag_id: tag.id }],
    })),
  });
  return { workspaceId: workspace.id, contacts: new Map(contacts.map((contact) => [contact.email, contact.id])) };
}

interface JobFigures {
  perSecond: number;
  millis: number[];
  roundTrips: number;
}

function report(label: string, figures: JobFigures) {
  const { millis } = figures;
  millis.sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(34)} ${figures.perSecond.toFixed(0).padStart(6)} emails/s  p50 ${us(percentile(millis, 50))}  p95 ${us(percentile(millis, 95))}  p99 ${us(percentile(millis, 99))}  ${(figures.roundTrips / millis.length).toFixed(1)} round trips per email`,
  );
}

/** New tickets as inbound mail leaves them: ticket, first message and the pending follow-up job (not timed). */
async function newTickets(
  db: Db,
  workspaceId: string,
  contacts: Map<string, string>,
  from: number,
  count: number,
  withoutJobs?: { ticketId: string; messageId: string }[],
) {
  for (let i = from; i < from + count; i++) {
    const sender = senderOf(i);
    await db.$transaction(async (tx) => {
      const { ticket, message } = await createTicketInTx(tx, {
        workspaceId,
        subject: subjectOf(i),
        contactId: contacts.get(sender)!,
        firstMessage: { direction: "inbound", fromAddress: sender, bodyText: text },
      });
      if (withoutJobs) return void withoutJobs.push({ ticketId: ticket.id, messageId: message.id });
      await enqueueJob(tx, {
        workspaceId,
        type: "inbound.new_ticket",
        payload: { ticketId: ticket.id, messageId: message.id, event: "ticket_created", isAutoReply: false, isBulk: false },
      });
    });
  }
}

/**
 * The app: the worker drains the follow-up jobs `concurrency` at a time, each timed from its
 * handler's start to its end. The confirmations' send jobs are claimed and run as no-ops (no SMTP).
 */
async function measureApp(db: Db, workspaceId: string, contacts: Map<string, string>): Promise<JobFigures & { applied: number; retried: number }> {
  const millis: number[] = [];
  const followup = appJobHandlers()["inbound.new_ticket"];
  const handlers = {
    ...appJobHandlers(),
    "inbound.new_ticket": async (database: Db, job: Job) => {
      const started = performance.now();
      await followup(database, job);
      millis.push(performance.now() - started);
    },
    "email.send": () => Promise.resolve(),
  };
  // Warm-up (JIT, connections, the rules), then the measured drain.
  await newTickets(db, workspaceId, contacts, 0, 20);
  await runPendingJobs(db, handlers, { concurrency, limit: 1_000_000 });
  millis.length = 0;
  await newTickets(db, workspaceId, contacts, 20, jobEmails);
  const runsBefore = await db.automationRun.count();
  const tripsBefore = pgStatementsSent();
  const started = performance.now();
  await runPendingJobs(db, handlers, { concurrency, limit: 1_000_000 });
  const seconds = (performance.now() - started) / 1000;
  const trips = pgStatementsSent() - tripsBefore;
  const retried = await db.job.count({ where: { type: "inbound.new_ticket", status: { not: "done" } } });
  return { perSecond: jobEmails / seconds, millis, roundTrips: trips, applied: ((await db.automationRun.count()) - runsBefore) / jobEmails, retried };
}

// The ceiling's two statements: what any implementation must read, and write, per email.
const CEILING_LOAD = `
  SELECT t."id", t."subject", t."ticketNumber", c."email", m."fromAddress", coalesce(m."subject", t."subject") AS "messageSubject", m."bodyText",
    ARRAY(SELECT l."listId"::text FROM "ContactListMember" l WHERE l."contactId" = c."id") AS "listIds"
  FROM "Ticket" t JOIN "Message" m ON m."id" = $2 AND m."ticketId" = t."id" LEFT JOIN "Contact" c ON c."id" = t."contactId"
  WHERE t."id" = $1 AND t."workspaceId" = $3`;
const CEILING_WRITE = `
  WITH runs AS (
    INSERT INTO "AutomationRun" ("id", "workspaceId", "ruleId", "ticketId", "event")
    SELECT gen_random_uuid(), $3, r, $1, 'ticket_created' FROM unnest($4::uuid[]) AS r ON CONFLICT DO NOTHING RETURNING "ruleId"
  ), tags AS (
    INSERT INTO "TicketTag" ("ticketId", "tagId") SELECT $1, $5 WHERE EXISTS (SELECT 1 FROM runs) ON CONFLICT DO NOTHING
  ), counts AS (
    UPDATE "AutomationRule" SET "matchCount" = "matchCount" + 1, "lastMatchedAt" = now(), "updatedAt" = now()
    WHERE "id" IN (SELECT "id" FROM "AutomationRule" WHERE "id" IN (SELECT "ruleId" FROM runs) ORDER BY "id" FOR NO KEY UPDATE)
  ), applied AS (
    INSERT INTO "ActivityEvent" ("id", "workspaceId", "ticketId", "type", "data")
    SELECT gen_random_uuid(), $3, $1, 'automation_applied', jsonb_build_object('ruleId', "ruleId") FROM runs
  ), confirmation AS (
    INSERT INTO "OutboundEmail" ("id", "workspaceId", "ticketId", "kind", "fromAddress", "toAddress", "subject", "bodyText", "messageIdHeader", "dedupeKey", "updatedAt")
    VALUES (gen_random_uuid(), $3, $1, 'confirmation', 'help@bench.test', $2, 'Re', 'Thanks', gen_random_uuid()::text || '@bench.test', 'confirmation:' || $1, now())
    ON CONFLICT DO NOTHING RETURNING "id"
  ), send AS (
    INSERT INTO "Job" ("id", "workspaceId", "type", "payload", "status") SELECT gen_random_uuid(), $3, 'email.send', jsonb_build_object('outboundEmailId', "id"), 'pending' FROM confirmation
  )
  INSERT INTO "ActivityEvent" ("id", "workspaceId", "ticketId", "type", "data") SELECT gen_random_uuid(), $3, $1, 'confirmation_sent', jsonb_build_object('outboundEmailId', "id") FROM confirmation`;

/**
 * The ceiling: a bare `pg` pool doing the same essential work per email at the same concurrency —
 * one statement loading the ticket, the message and the sender's lists, the rules evaluated in
 * memory (already parsed), then one transaction writing every effect (runs, tags, counts, timeline,
 * the confirmation and its send job). No job queue bookkeeping.
 */
async function measureCeiling(db: Db, url: string, workspaceId: string, contacts: Map<string, string>): Promise<JobFigures> {
  const from = 20 + jobEmails;
  const ids: { ticketId: string; messageId: string }[] = [];
  await newTickets(db, workspaceId, contacts, from, jobEmails + 20, ids);
  const tagId = (await db.tag.findFirstOrThrow({ where: { workspaceId } })).id;
  const pool = new pg.Pool({ connectionString: url, max: concurrency });
  const millis: number[] = [];
  const work = async (email: { ticketId: string; messageId: string }) => {
    const started = performance.now();
    const { rows } = await pool.query<{ email: string; fromAddress: string; messageSubject: string; bodyText: string; listIds: string[] }>(CEILING_LOAD, [
      email.ticketId,
      email.messageId,
      workspaceId,
    ]);
    const row = rows[0]!;
    const matched = evaluateRules(rules, { fromEmail: row.fromAddress, subject: row.messageSubject, body: row.bodyText, listIds: new Set(row.listIds) })
      .filter((evaluation) => evaluation.matched)
      .map((evaluation) => evaluation.rule.id);
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query(CEILING_WRITE, [email.ticketId, row.email, workspaceId, matched, tagId]);
      await client.query("COMMIT");
    } finally {
      client.release();
    }
    millis.push(performance.now() - started);
  };
  try {
    await Promise.all(ids.slice(0, 20).map(work));
    millis.length = 0;
    const queue = ids.slice(20);
    const tripsBefore = pgStatementsSent();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let email = queue.shift(); email; email = queue.shift()) await work(email);
      }),
    );
    return { perSecond: queue.length === 0 ? millis.length / ((performance.now() - started) / 1000) : 0, millis, roundTrips: pgStatementsSent() - tripsBefore };
  } finally {
    await pool.end();
  }
}

async function measureJobPath() {
  const database = await freshBenchDatabase("bench_automations");
  await runMigrations(database.url);
  const handle = openDatabase(databaseConfigFromUrl(database.url));
  const db = handle.db;
  try {
    const { workspaceId, contacts } = await seedRules(db);
    const app = await measureApp(db, workspaceId, contacts);
    console.log(
      `\nthe new-ticket follow-up job (automations + confirmation) on ${database.label}, ${jobEmails} new tickets, concurrency ${concurrency}, ${app.applied.toFixed(1)} rules applied per ticket, ${app.retried} jobs left failed or pending (ms per email)`,
    );
    report("app: worker + follow-up job", app);
    if (database.label.startsWith("PostgreSQL")) {
      const ceiling = await measureCeiling(db, database.url, workspaceId, contacts);
      report("ceiling: bare pg, same work", ceiling);
      console.log(
        `  app / ceiling: ${(app.perSecond / ceiling.perSecond).toFixed(2)} of the throughput, ${(percentile(app.millis, 50) / percentile(ceiling.millis, 50)).toFixed(2)}x the p50`,
      );
    }
  } finally {
    await handle.close();
  }
}

await measureJobPath();
