import { WORKSPACE_ERRORS, type Operation } from "@/server/openapi-operation";
import { createSavedReplySchema, listSavedRepliesSchema, updateSavedReplySchema } from "./saved-replies.schema";

const base = "/api/v1/workspaces/{workspaceId}/saved-replies";
const one = `${base}/{savedReplyId}`;
const common = { tag: "Saved replies", security: "bearer" } as const;
const REPLY = "A saved reply: {id, name, body, shared, rendered?, createdAt, updatedAt}";
const SHARED_OWNERS = { 403: "A shared reply, and the caller is not an owner" } as const;

// Saved replies: shared ones (owners manage them) and each member's own (only they see them).
export const savedReplyOperations: Operation[] = [
  {
    ...common,
    method: "get",
    path: base,
    summary: "List saved replies",
    description:
      "The shared replies and the caller's own, by name. With ticketId each also comes `rendered`: its placeholders ({{contact.name}}, {{contact.email}}, {{ticket.number}}, {{ticket.subject}}, {{workspace.name}}) filled for that ticket.",
    query: listSavedRepliesSchema,
    responses: { 200: `Array of saved replies. ${REPLY}`, 422: "Invalid ticketId", ...WORKSPACE_ERRORS },
  },
  {
    ...common,
    method: "post",
    path: base,
    summary: "Create a saved reply",
    description: "Any member creates their own; `shared: true` (owners only) makes it the whole workspace's.",
    body: createSavedReplySchema,
    responses: { 201: REPLY, 422: "Invalid input (details.fields names it)", ...SHARED_OWNERS, ...WORKSPACE_ERRORS },
  },
  {
    ...common,
    method: "patch",
    path: one,
    summary: "Change a saved reply",
    description: "Only the given fields change. Another member's own reply is 404.",
    body: updateSavedReplySchema,
    responses: { 200: REPLY, 422: "Invalid input", ...SHARED_OWNERS, ...WORKSPACE_ERRORS },
  },
  { ...common, method: "delete", path: one, summary: "Delete a saved reply", responses: { 200: "{id, deleted: true}", ...SHARED_OWNERS, ...WORKSPACE_ERRORS } },
];
