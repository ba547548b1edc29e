import { WORKSPACE_ERRORS, type Operation } from "@/server/openapi-operation";
import { createViewSchema, updateViewSchema } from "./saved-views.schema";

const ws = "/api/v1/workspaces/{workspaceId}";
const op = { tag: "Views", security: "bearer" } as const;
const VIEW =
  "{id, name, shared, filters: {tab, assignee?, priority?, tags?, search?, contact?, customer?, mailbox?, unread?}, count, capped, createdAt, updatedAt}";

export const viewOperations: Operation[] = [
  {
    ...op,
    method: "get",
    path: `${ws}/views`,
    summary: "List saved views with their counts",
    description:
      "The shared views, then the caller's own. count is how many tickets the view holds for the caller now (its tab and filters, as GET /tickets reads them); like the inbox's tab counts it stops at 10,000 (capped: true).",
    responses: { 200: `Array of ${VIEW}`, ...WORKSPACE_ERRORS },
  },
  {
    ...op,
    method: "post",
    path: `${ws}/views`,
    summary: "Save a view",
    description: "Anyone saves a view of their own; shared: true (the whole team sees it) is for owners.",
    body: createViewSchema,
    responses: { 201: VIEW, 403: "shared: true from a member", 422: "Invalid input", ...WORKSPACE_ERRORS },
  },
  {
    ...op,
    method: "patch",
    path: `${ws}/views/{viewId}`,
    summary: "Rename a view or change its filters",
    description: "A view of one's own, or a shared one by an owner. Another member's own view answers 404.",
    body: updateViewSchema,
    responses: { 200: VIEW, 403: "A shared view, from a member", 422: "Invalid input", ...WORKSPACE_ERRORS },
  },
  {
    ...op,
    method: "delete",
    path: `${ws}/views/{viewId}`,
    summary: "Delete a view",
    responses: { 200: "{id, deleted: true}", 403: "A shared view, from a member", ...WORKSPACE_ERRORS },
  },
];
