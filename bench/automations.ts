// Automation rules cost per inbound email: 100 active rules of mixed conditions (no stop_on_match,
// so every rule is evaluated) against a sender in 50 of 200 contact lists. First the engine alone
// (no database; with an HTML body stripped to text first), then what the new-ticket job runs for
// each new ticket (runNewTicketAutomations on a fresh database, PostgreSQL when DATABASE_URL names
// a server, else PGlite): the rules read and parsed, the sender's lists loaded, every rule
// evaluated and each match applied in its transaction. Nothing is cached between emails.
//   npm run bench:automations [-- <emails> [<emails through the job>]]
import { randomUUID } from "node:crypto";
import type { Condition } from "@/server/automations/automations.schema";
import { openDatabase, type Db } from "@/server/db";
import { databaseConfigFromUrl } from "@/server/db/config";
import { runMigrations } from "@/server/db/migrate";
import { runNewTicketAutomations } from "@/server/automations/run-automations";
import { createTicketInTx } from "@/server/tickets/create-ticket";
import { matchableBody } from "@/server/automations/email-text";
import { evaluateRules, type EngineRule } from "@/server/automations/evaluate-rules";
import { freshBenchDatabase, percentile } from "./lib";

const emails = Number(process.argv[2] ?? 20_000);
const jobEmails = Number(process.argv[3] ?? 300);
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

const senderOf = (i: number) => `person${i % 100}@customer${i % 7}.com`;
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

async function measureJobPath() {
  const database = await freshBenchDatabase("bench_automations");
  await runMigrations(database.url);
  const handle = openDatabase(databaseConfigFromUrl(database.url));
  const db = handle.db;
  try {
    const { workspaceId, contacts } = await seedRules(db);
    const millis: number[] = [];
    let applied = 0;
    for (let i = 0; i < jobEmails + 20; i++) {
      const from = senderOf(i);
      // The ticket and first message inbound mail would have created (not timed).
      const { ticket, message } = await db.$transaction((tx) =>
        createTicketInTx(tx, {
          workspaceId,
          subject: subjectOf(i),
          contactId: contacts.get(from)!,
          firstMessage: { direction: "inbound", fromAddress: from, bodyText: text },
        }),
      );
      const started = performance.now();
      await runNewTicketAutomations(db, {
        workspaceId,
        ticketId: ticket.id,
        messageId: message.id,
        event: "ticket_created",
        isAutoReply: false,
        isBulk: false,
      });
      // The first 20 warm up the process (JIT, connections), as the engine figures above do.
      if (i >= 20) millis.push(performance.now() - started);
      if (i >= 20) applied += await db.automationRun.count({ where: { ticketId: ticket.id } });
    }
    millis.sort((a, b) => a - b);
    const mean = millis.reduce((sum, value) => sum + value, 0) / millis.length;
    console.log(`\nthe new-ticket job's automations hook on ${database.label}, ${jobEmails} new tickets (ms per ticket)`);
    console.log(
      `  ${"runNewTicketAutomations".padEnd(34)} mean ${us(mean)}  p50 ${us(percentile(millis, 50))}  p95 ${us(percentile(millis, 95))}  (${(applied / jobEmails).toFixed(1)} rules applied per ticket)`,
    );
  } finally {
    await handle.close();
  }
}

await measureJobPath();
