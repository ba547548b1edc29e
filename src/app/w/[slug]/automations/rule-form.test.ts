import { describe, expect, it } from "vitest";
import type { AutomationRule } from "@/trpc/types";
import { emptyForm, errorUnder, ruleToForm, serverFieldErrors, toPayload, validateForm, type RuleForm } from "./rule-form";

const TAG = "7d2c5a8e-3f4b-4c1d-9e8f-0a1b2c3d4e5f";
const LIST = "1b2c3d4e-5f60-4a1b-8c2d-3e4f5a6b7c8d";

const form: RuleForm = {
  ...emptyForm("ticket_created"),
  name: " Urgent from Acme ",
  conditions: [
    { type: "subject_contains", operator: "contains", value: "urgent" },
    { type: "from_email", operator: "domain", value: "acme.com" },
    { type: "contact_list", operator: "not_in", value: LIST },
  ],
  actions: [
    { type: "add_tag", value: TAG },
    { type: "send_response", value: "Hi {{contact.name}}" },
  ],
};

describe("the rule form and the API payload", () => {
  it("turns rows into the API's condition and action objects, which the schema accepts", () => {
    expect(toPayload(form).conditions).toEqual([
      { type: "subject_contains", operator: "contains", value: "urgent" },
      { type: "from_email", operator: "domain", value: "acme.com" },
      { type: "contact_list", operator: "not_in", list_id: LIST },
    ]);
    expect(toPayload(form).actions).toEqual([
      { type: "add_tag", tag_id: TAG },
      { type: "send_response", body: "Hi {{contact.name}}" },
    ]);
    const result = validateForm(form);
    expect(result.ok && result.payload.name).toBe("Urgent from Acme");
  });

  it("reads a rule back into the same form", () => {
    const payload = toPayload(form);
    const rule = { ...payload, name: form.name, is_active: true, stop_on_match: false } as unknown as AutomationRule;
    expect(ruleToForm(rule)).toEqual(form);
  });

  it("reports failures keyed as the server's 422 details, with the schema's messages", () => {
    const result = validateForm({
      ...form,
      name: "",
      conditions: [
        { type: "from_email", operator: "domain", value: "not a domain" },
        { type: "contact_list", operator: "in", value: "" },
      ],
      actions: [],
    });
    expect(result.ok).toBe(false);
    const errors = result.ok ? {} : result.errors;
    expect(Object.keys(errors).sort()).toEqual(["actions", "conditions.0.value", "conditions.1.list_id", "name"]);
    expect(errors.actions).toBe("A rule needs at least one action");
    expect(errorUnder(errors, "conditions.1")).toBeDefined();
    expect(errorUnder(errors, "conditions.2")).toBeUndefined();
  });

  it("finds the field errors in a tRPC error, and none in anything else", () => {
    expect(serverFieldErrors({ data: { details: { fields: { "actions.0.tag_id": "No such tag" } } } })).toEqual({ "actions.0.tag_id": "No such tag" });
    expect(serverFieldErrors({ data: { details: null } })).toEqual({});
    expect(serverFieldErrors(null)).toEqual({});
  });
});
