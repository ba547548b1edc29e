import { describe, expect, it } from "vitest";
import type { Condition } from "./automations.schema";
import { evaluateConditions, evaluateRules, orderRules, prepareEmail, type EmailFacts, type EngineRule } from "./evaluate-rules";

const LIST_A = "00000000-0000-4000-8000-00000000000a";
const LIST_B = "00000000-0000-4000-8000-00000000000b";

const facts = (overrides: Partial<EmailFacts> = {}): EmailFacts => ({
  fromEmail: "Jane.Doe@Acme.com",
  subject: "URGENT: printer\n  on fire",
  body: "Hello,\nthe Printer is\non fire. Order #42",
  listIds: new Set([LIST_A]),
  ...overrides,
});

const holds = (condition: Condition, overrides?: Partial<EmailFacts>) => evaluateConditions([condition], prepareEmail(facts(overrides))).matched;

describe("conditions", () => {
  it("from_email equals compares the whole address, case-insensitively", () => {
    expect(holds({ type: "from_email", operator: "equals", value: "jane.doe@acme.com" })).toBe(true);
    expect(holds({ type: "from_email", operator: "equals", value: "JANE.DOE@ACME.COM" })).toBe(true);
    expect(holds({ type: "from_email", operator: "equals", value: "doe@acme.com" })).toBe(false);
  });

  it("from_email domain compares the sender's domain exactly (an @ prefix is allowed)", () => {
    expect(holds({ type: "from_email", operator: "domain", value: "ACME.com" })).toBe(true);
    expect(holds({ type: "from_email", operator: "domain", value: "@acme.com" })).toBe(true);
    expect(holds({ type: "from_email", operator: "domain", value: "acme.com" }, { fromEmail: "x@evilacme.com" })).toBe(false);
    expect(holds({ type: "from_email", operator: "domain", value: "acme.com" }, { fromEmail: "x@acme.com.evil.io" })).toBe(false);
    expect(holds({ type: "from_email", operator: "domain", value: "acme.com" }, { fromEmail: "x@mail.acme.com" })).toBe(false);
  });

  it("subject_contains is case-insensitive and ignores how whitespace was wrapped", () => {
    expect(holds({ type: "subject_contains", operator: "contains", value: "urgent" })).toBe(true);
    expect(holds({ type: "subject_contains", operator: "contains", value: "Printer On Fire" })).toBe(true);
    expect(holds({ type: "subject_contains", operator: "contains", value: "refund" })).toBe(false);
    // The body is not the subject.
    expect(holds({ type: "subject_contains", operator: "contains", value: "order #42" })).toBe(false);
  });

  it("body_contains looks at the body only, case-insensitively, across line breaks", () => {
    expect(holds({ type: "body_contains", operator: "contains", value: "printer is on fire" })).toBe(true);
    expect(holds({ type: "body_contains", operator: "contains", value: "ORDER #42" })).toBe(true);
    expect(holds({ type: "body_contains", operator: "contains", value: "urgent" })).toBe(false);
    expect(holds({ type: "body_contains", operator: "contains", value: "ÄRGER" }, { body: "viel ärger mit der Rechnung" })).toBe(true);
  });

  it("contact_list in / not_in look the list up in the sender's memberships", () => {
    expect(holds({ type: "contact_list", operator: "in", list_id: LIST_A })).toBe(true);
    expect(holds({ type: "contact_list", operator: "in", list_id: LIST_B })).toBe(false);
    expect(holds({ type: "contact_list", operator: "not_in", list_id: LIST_A })).toBe(false);
    expect(holds({ type: "contact_list", operator: "not_in", list_id: LIST_B })).toBe(true);
    expect(holds({ type: "contact_list", operator: "not_in", list_id: LIST_A }, { listIds: new Set() })).toBe(true);
  });

  it("all must hold, and the trace shows every condition's result, also after the first failure", () => {
    const result = evaluateConditions(
      [
        { type: "subject_contains", operator: "contains", value: "refund" },
        { type: "from_email", operator: "domain", value: "acme.com" },
        { type: "contact_list", operator: "in", list_id: LIST_A },
      ],
      prepareEmail(facts()),
    );
    expect(result).toEqual({
      matched: false,
      trace: [
        { type: "subject_contains", operator: "contains", value: "refund", result: false },
        { type: "from_email", operator: "domain", value: "acme.com", result: true },
        { type: "contact_list", operator: "in", value: LIST_A, result: true },
      ],
    });
  });

  it("no conditions match every email", () => {
    expect(evaluateConditions([], prepareEmail(facts()))).toEqual({ matched: true, trace: [] });
  });
});

let created = 0;
function rule(id: string, overrides: Partial<EngineRule> = {}): EngineRule {
  return { id, isActive: true, priority: 1, stopOnMatch: false, createdAt: new Date(1_700_000_000_000 + created++), conditions: [], ...overrides };
}
const urgent: Condition = { type: "subject_contains", operator: "contains", value: "urgent" };
const refund: Condition = { type: "subject_contains", operator: "contains", value: "refund" };

describe("rules", () => {
  it("run in ascending priority, the older rule first on a tie, inactive ones left out", () => {
    const rules = [rule("c", { priority: 3 }), rule("a", { priority: 1 }), rule("off", { priority: 0, isActive: false }), rule("b", { priority: 1 })];
    expect(orderRules(rules).map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect(evaluateRules(rules, facts()).map((e) => [e.rule.id, e.matched])).toEqual([
      ["a", true],
      ["b", true],
      ["c", true],
    ]);
  });

  it("never evaluates an inactive rule, even one that would match", () => {
    const evaluations = evaluateRules([rule("off", { isActive: false, conditions: [urgent] })], facts());
    expect(evaluations).toEqual([]);
  });

  it("stop_on_match ends the chain only when that rule matches", () => {
    const rules = [
      rule("stops-but-misses", { priority: 1, stopOnMatch: true, conditions: [refund] }),
      rule("stops", { priority: 2, stopOnMatch: true, conditions: [urgent] }),
      rule("never-reached", { priority: 3, conditions: [urgent] }),
    ];
    expect(evaluateRules(rules, facts()).map((e) => [e.rule.id, e.matched])).toEqual([
      ["stops-but-misses", false],
      ["stops", true],
    ]);
  });

  it("gives each evaluated rule its own trace", () => {
    const [first, second] = evaluateRules([rule("x", { conditions: [urgent] }), rule("y", { priority: 2, conditions: [refund] })], facts());
    expect(first?.trace).toEqual([{ type: "subject_contains", operator: "contains", value: "urgent", result: true }]);
    expect(second).toMatchObject({ matched: false, trace: [{ value: "refund", result: false }] });
  });
});
