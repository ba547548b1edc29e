import { WORKSPACE_ERRORS, type Operation } from "@/server/openapi-operation";
import { policyInputSchema, scheduleInputSchema } from "./sla.schema";

const hours = "/api/v1/workspaces/{workspaceId}/business-hours";
const policies = "/api/v1/workspaces/{workspaceId}/sla-policies";
const common = { tag: "SLA", security: "bearer" } as const;
const OWNER = { 403: "Not an owner" } as const;
const SCHEDULE = "A schedule: {id, name, timeZone, intervals: [{weekday (0 = Sunday), start, end (HH:MM)}], holidays: [YYYY-MM-DD], createdAt, updatedAt}";
const POLICY =
  "A policy: {id, name, priority, mailboxId, scheduleId, firstResponseMinutes, nextResponseMinutes, resolutionMinutes (business minutes), createdAt, updatedAt}";

// Business hours and SLA policies. Members read; owners write.
export const slaOperations: Operation[] = [
  {
    ...common,
    method: "get",
    path: hours,
    summary: "List business-hours schedules",
    responses: { 200: `Array of schedules. ${SCHEDULE}`, ...WORKSPACE_ERRORS },
  },
  {
    ...common,
    method: "post",
    path: hours,
    summary: "Create a business-hours schedule (owners)",
    description: "Intervals of one weekday must not overlap; end may be 24:00. Holidays are whole local days.",
    body: scheduleInputSchema,
    responses: { 201: SCHEDULE, 409: "The name is taken", 422: "Invalid input (details.fields names it)", ...OWNER, ...WORKSPACE_ERRORS },
  },
  { ...common, method: "get", path: `${hours}/{scheduleId}`, summary: "Get a schedule", responses: { 200: SCHEDULE, ...WORKSPACE_ERRORS } },
  {
    ...common,
    method: "put",
    path: `${hours}/{scheduleId}`,
    summary: "Replace a schedule (owners)",
    description: "Due times already set keep their value; tickets use the new hours when their SLA is next computed.",
    body: scheduleInputSchema,
    responses: { 200: SCHEDULE, 409: "The name is taken", 422: "Invalid input", ...OWNER, ...WORKSPACE_ERRORS },
  },
  {
    ...common,
    method: "delete",
    path: `${hours}/{scheduleId}`,
    summary: "Delete a schedule (owners)",
    responses: { 200: "{id, deleted: true}", 409: "SLA policies use it", ...OWNER, ...WORKSPACE_ERRORS },
  },
  {
    ...common,
    method: "get",
    path: policies,
    summary: "List SLA policies",
    description: "Urgent first.",
    responses: { 200: `Array of policies. ${POLICY}`, ...WORKSPACE_ERRORS },
  },
  {
    ...common,
    method: "post",
    path: policies,
    summary: "Create an SLA policy (owners)",
    description:
      "One policy per priority, and one per priority and mailbox (which wins for that mailbox's tickets). Targets count business minutes of the schedule; at least one is set.",
    body: policyInputSchema,
    responses: {
      201: POLICY,
      409: "A policy for this priority and mailbox exists",
      422: "Invalid input, or a schedule or mailbox not in this workspace",
      ...OWNER,
      ...WORKSPACE_ERRORS,
    },
  },
  { ...common, method: "get", path: `${policies}/{policyId}`, summary: "Get an SLA policy", responses: { 200: POLICY, ...WORKSPACE_ERRORS } },
  {
    ...common,
    method: "put",
    path: `${policies}/{policyId}`,
    summary: "Replace an SLA policy (owners)",
    body: policyInputSchema,
    responses: { 200: POLICY, 409: "A policy for this priority and mailbox exists", 422: "Invalid input", ...OWNER, ...WORKSPACE_ERRORS },
  },
  {
    ...common,
    method: "delete",
    path: `${policies}/{policyId}`,
    summary: "Delete an SLA policy (owners)",
    responses: { 200: "{id, deleted: true}", ...OWNER, ...WORKSPACE_ERRORS },
  },
];
