import { WORKSPACE_ERRORS, type Operation } from "@/server/openapi-operation";
import { createRuleSchema, reorderRulesSchema, testRuleSchema, updateRuleSchema } from "./automations.schema";

const base = "/api/v1/workspaces/{workspaceId}/automations";
const one = `${base}/{ruleId}`;
const common = { tag: "Automations", security: "bearer" } as const;
const OWNER = { 403: "Not an owner" } as const;
const RULE = "A rule: {id, name, event, is_active, priority, stop_on_match, conditions, actions, match_count, last_matched_at, created_at, updated_at}";

// Automation rules. Writes need the owner role; members read and dry-run.
export const automationOperations: Operation[] = [
  {
    ...common,
    method: "get",
    path: base,
    summary: "List automation rules",
    description: "In the order they run: ascending priority, then oldest first.",
    responses: { 200: `Array of rules. ${RULE}`, ...WORKSPACE_ERRORS },
  },
  {
    ...common,
    method: "post",
    path: base,
    summary: "Create a rule (owners)",
    description: "Without priority the rule goes after the last one. Tags, contact lists and agents must belong to the workspace.",
    body: createRuleSchema,
    responses: { 201: "The rule", 422: "Invalid input, or a tag, list or user not in this workspace (details.fields names it)", ...OWNER, ...WORKSPACE_ERRORS },
  },
  { ...common, method: "get", path: one, summary: "Get a rule", responses: { 200: RULE, ...WORKSPACE_ERRORS } },
  {
    ...common,
    method: "patch",
    path: one,
    summary: "Change a rule (owners)",
    description: "Only the given fields change; conditions and actions, when given, replace the old lists.",
    body: updateRuleSchema,
    responses: { 200: "The rule", 422: "Invalid input, or a tag, list or user not in this workspace", ...OWNER, ...WORKSPACE_ERRORS },
  },
  { ...common, method: "delete", path: one, summary: "Delete a rule (owners)", responses: { 200: "{id, deleted: true}", ...OWNER, ...WORKSPACE_ERRORS } },
  {
    ...common,
    method: "post",
    path: `${one}/test`,
    summary: "Dry-run a rule against an email",
    description: "Evaluates the rule's conditions (active or not) with the sender's real contact lists; an HTML body is stripped to text. Persists nothing.",
    body: testRuleSchema,
    responses: { 200: "{matched, trace: [{type, operator, value, result}]}", 422: "Invalid input", ...WORKSPACE_ERRORS },
  },
  {
    ...common,
    method: "post",
    path: `${base}/reorder`,
    summary: "Reorder rules (owners)",
    description: "The listed rules get priorities 1…n in the given order; rules not listed follow in their previous order.",
    body: reorderRulesSchema,
    responses: { 200: "Every rule, in the new order", 422: "An id twice, or not a rule of this workspace", ...OWNER, ...WORKSPACE_ERRORS },
  },
];
