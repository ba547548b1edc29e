// Automation rules engine cost per inbound email, no server or database: 100 active rules of mixed
// conditions (no stop_on_match, so every rule is evaluated) against a sender in 50 of 200 contact
// lists. Prints µs per email for the engine alone and with an HTML body stripped to text first.
//   npm run bench:automations [-- <emails>]
import { randomUUID } from "node:crypto";
import type { Condition } from "@/server/automations/automations.schema";
import { matchableBody } from "@/server/automations/email-text";
import { evaluateRules, type EngineRule } from "@/server/automations/evaluate-rules";
import { percentile } from "./lib";

const emails = Number(process.argv[2] ?? 20_000);
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
  const us = (value: number) => value.toFixed(1).padStart(7);
  console.log(`  ${label.padEnd(34)} mean ${us(mean)}  p50 ${us(percentile(micros, 50))}  p95 ${us(percentile(micros, 95))}  (${(matches / emails).toFixed(1)} rules matched per email)`);
}

const evaluate = (i: number, body: string) =>
  evaluateRules(rules, {
    fromEmail: `person${i % 100}@customer${i % 7}.com`,
    subject: `Re: URGENT invoice problem #${i}`,
    body,
    // Built per email, as a run loads the sender's memberships once and makes this Set.
    listIds: new Set(senderListIds),
  }).filter((evaluation) => evaluation.matched).length;

console.log(`automation rules: ${rules.length} active rules, ${rules.reduce((n, r) => n + r.conditions.length, 0)} conditions, sender in ${senderListIds.length} of ${lists.length} lists, ${text.length}-char body, ${emails} emails (µs per email)`);
measure("engine (plain-text body)", (i) => evaluate(i, text));
measure("engine + HTML body to text", (i) => evaluate(i, matchableBody({ text: null, html })));
