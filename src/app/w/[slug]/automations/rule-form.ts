import type { z } from "zod";
import { createRuleSchema, type Action, type Condition } from "@/server/automations/automations.schema";
import { zodFieldErrors } from "@/server/http/zod-field-errors";
import type { AutomationRule } from "@/trpc/types";

export type AutomationEvent = AutomationRule["event"];
export type ConditionType = Condition["type"];
export type ActionType = Action["type"];

/** One condition as the editor holds it; `value` is the list id for `contact_list`. */
export interface ConditionRow {
  type: ConditionType;
  operator: string;
  value: string;
}

/** One action as the editor holds it; `value` is the tag id, the user id or the response body. */
export interface ActionRow {
  type: ActionType;
  value: string;
}

export interface RuleForm {
  name: string;
  event: AutomationEvent;
  is_active: boolean;
  stop_on_match: boolean;
  conditions: ConditionRow[];
  actions: ActionRow[];
}

export type RulePayload = z.input<typeof createRuleSchema>;
export type FieldErrors = Record<string, string>;

export const EVENTS: { id: AutomationEvent; label: string }[] = [
  { id: "ticket_created", label: "When a ticket is created" },
  { id: "conversation_created", label: "When a conversation is created" },
];

/** Each condition type's operators, the first being the default (as in the schema). */
export const CONDITION_TYPES: Record<ConditionType, { label: string; operators: string[] }> = {
  from_email: { label: "Sender", operators: ["equals", "domain"] },
  subject_contains: { label: "Subject", operators: ["contains"] },
  body_contains: { label: "Body", operators: ["contains"] },
  contact_list: { label: "Sender's contact list", operators: ["in", "not_in"] },
};

export const OPERATOR_LABELS: Record<string, string> = { equals: "is", domain: "has the domain", contains: "contains", in: "is in", not_in: "is not in" };

export const ACTION_TYPES: Record<ActionType, string> = { add_tag: "Add a tag", assign_agent: "Assign to an agent", send_response: "Send a response" };

// The API's key for each action's value, so a row maps to the payload and back.
const ACTION_FIELD = { add_tag: "tag_id", assign_agent: "user_id", send_response: "body" } as const;

export const newCondition = (type: ConditionType): ConditionRow => ({ type, operator: CONDITION_TYPES[type].operators[0]!, value: "" });
export const newAction = (type: ActionType): ActionRow => ({ type, value: "" });

export function emptyForm(event: AutomationEvent): RuleForm {
  return { name: "", event, is_active: true, stop_on_match: false, conditions: [], actions: [] };
}

export function ruleToForm(rule: AutomationRule): RuleForm {
  return {
    name: rule.name,
    event: rule.event,
    is_active: rule.is_active,
    stop_on_match: rule.stop_on_match,
    conditions: rule.conditions.map((c) => ({ type: c.type, operator: c.operator, value: c.type === "contact_list" ? c.list_id : c.value })),
    actions: rule.actions.map((a) => ({ type: a.type, value: a.type === "add_tag" ? a.tag_id : a.type === "assign_agent" ? a.user_id : a.body })),
  };
}

/** The create/update input; unchecked here, the schema judges it (see validateForm). */
export function toPayload(form: RuleForm): RulePayload {
  return {
    name: form.name,
    event: form.event,
    is_active: form.is_active,
    stop_on_match: form.stop_on_match,
    conditions: form.conditions.map((c) =>
      c.type === "contact_list" ? { type: c.type, operator: c.operator, list_id: c.value } : { type: c.type, operator: c.operator, value: c.value },
    ) as RulePayload["conditions"],
    actions: form.actions.map((a) => ({ type: a.type, [ACTION_FIELD[a.type]]: a.value })) as RulePayload["actions"],
  };
}

/** The API's own schema over the form: the same messages, keyed as the server's 422 details. */
export function validateForm(form: RuleForm): { ok: true; payload: z.output<typeof createRuleSchema> } | { ok: false; errors: FieldErrors } {
  const result = createRuleSchema.safeParse(toPayload(form));
  return result.success ? { ok: true, payload: result.data } : { ok: false, errors: zodFieldErrors(result.error).fields };
}

/** The field errors a tRPC error carries in `data.details.fields` (422s), or none. */
export function serverFieldErrors(error: unknown): FieldErrors {
  const fields = (error as { data?: { details?: { fields?: unknown } | null } } | null)?.data?.details?.fields;
  return fields && typeof fields === "object" ? (fields as FieldErrors) : {};
}

/** The first error for a field or anything inside it (`conditions.0` covers `conditions.0.value`). */
export function errorUnder(errors: FieldErrors, path: string): string | undefined {
  const key = Object.keys(errors).find((k) => k === path || k.startsWith(`${path}.`));
  return key === undefined ? undefined : errors[key];
}

export const replaceAt = <T>(list: readonly T[], index: number, item: T): T[] => list.map((old, i) => (i === index ? item : old));
export const removeAt = <T>(list: readonly T[], index: number): T[] => list.filter((_, i) => i !== index);
