import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { zodFieldErrors } from "@/server/http/zod-field-errors";
import { createRuleSchema, reorderRulesSchema, updateRuleSchema } from "./automations.schema";

const ID = "00000000-0000-4000-8000-000000000001";
const valid = { name: "Urgent", event: "ticket_created", actions: [{ type: "add_tag", tag_id: ID }] };

function failingFields(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected a validation failure");
  return Object.keys(zodFieldErrors(result.error).fields);
}

describe("rule schemas", () => {
  it("fill in the defaults, including each condition's operator", () => {
    const rule = createRuleSchema.parse({
      ...valid,
      conditions: [
        { type: "from_email", value: "a@b.c" },
        { type: "subject_contains", value: " urgent " },
        { type: "body_contains", value: "x" },
        { type: "contact_list", list_id: ID },
      ],
    });
    expect(rule).toMatchObject({ is_active: true, stop_on_match: false });
    expect(rule).not.toHaveProperty("priority");
    expect(rule.conditions).toEqual([
      { type: "from_email", operator: "equals", value: "a@b.c" },
      { type: "subject_contains", operator: "contains", value: "urgent" },
      { type: "body_contains", operator: "contains", value: "x" },
      { type: "contact_list", operator: "in", list_id: ID },
    ]);
    expect(createRuleSchema.parse(valid).conditions).toEqual([]);
  });

  it("accept every action type", () => {
    const actions = [
      { type: "add_tag", tag_id: ID },
      { type: "assign_agent", user_id: ID },
      { type: "send_response", body: "Hi {{contact.name}}" },
    ];
    expect(createRuleSchema.parse({ ...valid, actions }).actions).toEqual(actions);
  });

  it("name the field of an unknown type, a missing id, an unknown operator or key", () => {
    expect(failingFields(createRuleSchema, { ...valid, conditions: [{ type: "sender_is_vip" }] })).toEqual(["conditions.0.type"]);
    expect(failingFields(createRuleSchema, { ...valid, actions: [{ type: "close_ticket" }] })).toEqual(["actions.0.type"]);
    expect(failingFields(createRuleSchema, { ...valid, actions: [{ type: "add_tag" }] })).toEqual(["actions.0.tag_id"]);
    expect(failingFields(createRuleSchema, { ...valid, actions: [{ type: "assign_agent", user_id: "bob" }] })).toEqual(["actions.0.user_id"]);
    expect(failingFields(createRuleSchema, { ...valid, conditions: [{ type: "from_email", operator: "starts_with", value: "x" }] })).toEqual([
      "conditions.0.operator",
    ]);
    expect(failingFields(createRuleSchema, { ...valid, conditions: [{ type: "subject_contains", value: "x", operater: "contains" }] })).toEqual([
      "conditions.0",
    ]);
    expect(failingFields(createRuleSchema, { ...valid, conditions: [{ type: "subject_contains", value: "  " }] })).toEqual(["conditions.0.value"]);
    expect(failingFields(createRuleSchema, { ...valid, conditions: [{ type: "from_email", value: "acme.com" }] })).toEqual(["conditions.0.value"]);
    expect(failingFields(createRuleSchema, { ...valid, conditions: [{ type: "from_email", operator: "domain", value: "jane@acme.com" }] })).toEqual([
      "conditions.0.value",
    ]);
    expect(createRuleSchema.parse({ ...valid, conditions: [{ type: "from_email", operator: "domain", value: "@acme.co.uk" }] }).conditions).toHaveLength(1);
  });

  it("require a name, an event and at least one action", () => {
    expect(failingFields(createRuleSchema, {}).sort()).toEqual(["actions", "event", "name"]);
    expect(failingFields(createRuleSchema, { ...valid, actions: [] })).toEqual(["actions"]);
    expect(failingFields(createRuleSchema, { ...valid, event: "ticket_closed" })).toEqual(["event"]);
  });

  it("let a patch change any subset of fields", () => {
    expect(updateRuleSchema.parse({ is_active: false })).toEqual({ is_active: false });
    expect(failingFields(updateRuleSchema, { priority: -1 })).toEqual(["priority"]);
  });

  it("refuse a reorder naming a rule twice", () => {
    expect(failingFields(reorderRulesSchema, { ids: [ID, ID] })).toEqual(["ids"]);
    expect(failingFields(reorderRulesSchema, { ids: ["nope"] })).toEqual(["ids.0"]);
  });
});
