import { WORKSPACE_ERRORS, type Operation } from "@/server/openapi-operation";
import { applyMacroSchema, createMacroSchema, updateMacroSchema } from "./macros.schema";

const base = "/api/v1/workspaces/{workspaceId}/macros";
const one = `${base}/{macroId}`;
const common = { tag: "Macros", security: "bearer" } as const;
const OWNER = { 403: "Not an owner" } as const;
const MACRO = "A macro: {id, name, actions: [{type: set_status|set_priority|assign|add_tag|remove_tag|reply|add_note, …}], createdAt, updatedAt}";
const RUN =
  "{macroId, applied, tickets: [{ticketId, ticketNumber, subject, skipped: null|merged|not_found, changes: [{type, from?, to?, text?}]}]}; a change the ticket already has is left out";

// Macros: shared action lists owners manage and every member applies.
export const macroOperations: Operation[] = [
  {
    ...common,
    method: "get",
    path: base,
    summary: "List macros",
    description: "By name.",
    responses: { 200: `Array of macros. ${MACRO}`, ...WORKSPACE_ERRORS },
  },
  {
    ...common,
    method: "post",
    path: base,
    summary: "Create a macro (owners)",
    description:
      "Actions apply in the listed order. An assignee must be a member; a reply names a shared saved reply. Texts may use the saved-reply placeholders.",
    body: createMacroSchema,
    responses: {
      201: MACRO,
      422: "Invalid input, or an assignee or saved reply not in this workspace (details.fields names it)",
      ...OWNER,
      ...WORKSPACE_ERRORS,
    },
  },
  {
    ...common,
    method: "patch",
    path: one,
    summary: "Change a macro (owners)",
    description: "Only the given fields change; actions, when given, replace the old list.",
    body: updateMacroSchema,
    responses: { 200: MACRO, 422: "Invalid input", ...OWNER, ...WORKSPACE_ERRORS },
  },
  { ...common, method: "delete", path: one, summary: "Delete a macro (owners)", responses: { 200: "{id, deleted: true}", ...OWNER, ...WORKSPACE_ERRORS } },
  {
    ...common,
    method: "post",
    path: `${one}/preview`,
    summary: "Preview a macro on tickets",
    description: "What applying it would change on each ticket, action by action. Changes nothing.",
    body: applyMacroSchema,
    responses: { 200: RUN, 409: "The macro's saved reply was deleted", 422: "Invalid ticketIds", ...WORKSPACE_ERRORS },
  },
  {
    ...common,
    method: "post",
    path: `${one}/apply`,
    summary: "Apply a macro to tickets",
    description:
      "Every action on every ticket in one transaction, each change on the ticket's timeline. A reply is emailed after the workspace's undo window, like an agent's; tickets without a contact get no reply. Merged tickets and unknown ids are skipped.",
    body: applyMacroSchema,
    responses: { 200: RUN, 409: "The macro's saved reply was deleted", 422: "Invalid ticketIds", ...WORKSPACE_ERRORS },
  },
];
