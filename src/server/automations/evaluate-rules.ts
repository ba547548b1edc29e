import { emailDomain } from "@/server/email/address";
import type { Condition } from "./automations.schema";
import { byRunOrder } from "./run-order";

/** What the engine needs of a rule; the stored row and test fixtures both fit. */
export interface EngineRule {
  id: string;
  isActive: boolean;
  priority: number;
  stopOnMatch: boolean;
  createdAt: Date;
  conditions: Condition[];
}

/** The email a run looks at; `body` is plain text (HTML already stripped, see email-text.ts). */
export interface EmailFacts {
  fromEmail: string;
  subject: string;
  body: string;
  /** Ids of the contact lists the sender belongs to, loaded once per run. */
  listIds: ReadonlySet<string>;
}

export interface PreparedEmail {
  fromEmail: string;
  fromDomain: string;
  subject: string;
  body: string;
  listIds: ReadonlySet<string>;
}

// A type, not an interface, so it can be stored as JSON on the timeline as it is.
export type TraceEntry = {
  type: Condition["type"];
  operator: string;
  value: string;
  result: boolean;
};

export interface ConditionsResult {
  matched: boolean;
  trace: TraceEntry[];
}

export interface RuleEvaluation<R extends EngineRule> extends ConditionsResult {
  rule: R;
}

// Case-insensitive, and a phrase still matches when the sender's client wrapped it across lines.
const fold = (text: string) => text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();

// Rule values repeat from email to email; folding each once per process keeps the per-email work
// to the email itself plus a plain comparison per condition (see bench/automations.ts).
const foldedValues = new Map<string, string>();
function foldValue(value: string): string {
  let folded = foldedValues.get(value);
  if (folded === undefined) {
    if (foldedValues.size >= 10_000) foldedValues.clear();
    folded = fold(value);
    foldedValues.set(value, folded);
  }
  return folded;
}

/** Lower-cases and folds the email once, so every condition of every rule is a plain comparison. */
export function prepareEmail(facts: EmailFacts): PreparedEmail {
  const fromEmail = facts.fromEmail.trim().toLowerCase();
  return { fromEmail, fromDomain: emailDomain(fromEmail) ?? "", subject: fold(facts.subject), body: fold(facts.body), listIds: facts.listIds };
}

function check(condition: Condition, email: PreparedEmail): TraceEntry {
  switch (condition.type) {
    case "from_email": {
      const value = foldValue(condition.value);
      const result = condition.operator === "domain" ? email.fromDomain === value.replace(/^@/, "") : email.fromEmail === value;
      return { type: condition.type, operator: condition.operator, value: condition.value, result };
    }
    case "subject_contains":
    case "body_contains": {
      const haystack = condition.type === "subject_contains" ? email.subject : email.body;
      return { type: condition.type, operator: condition.operator, value: condition.value, result: haystack.includes(foldValue(condition.value)) };
    }
    case "contact_list": {
      const member = email.listIds.has(condition.list_id);
      return { type: condition.type, operator: condition.operator, value: condition.list_id, result: condition.operator === "in" ? member : !member };
    }
  }
}

/**
 * All conditions must hold (an empty list holds). Every condition is still checked, so the trace
 * shows the owner each one's result, not only the first that failed.
 */
export function evaluateConditions(conditions: readonly Condition[], email: PreparedEmail): ConditionsResult {
  const trace = conditions.map((condition) => check(condition, email));
  return { matched: trace.every((entry) => entry.result), trace };
}

/** Active rules in the order they run. */
export function orderRules<R extends EngineRule>(rules: readonly R[]): R[] {
  return rules.filter((rule) => rule.isActive).sort(byRunOrder);
}

/**
 * Evaluates an event's rules in order; a matching `stop_on_match` rule ends the chain. Returns the
 * evaluation of every rule that ran (matched or not), in order.
 */
export function evaluateRules<R extends EngineRule>(rules: readonly R[], facts: EmailFacts): RuleEvaluation<R>[] {
  const email = prepareEmail(facts);
  const evaluations: RuleEvaluation<R>[] = [];
  for (const rule of orderRules(rules)) {
    const result = evaluateConditions(rule.conditions, email);
    evaluations.push({ rule, ...result });
    if (result.matched && rule.stopOnMatch) break;
  }
  return evaluations;
}
