import { WORKSPACE_ERRORS, type Operation } from "@/server/openapi-operation";
import { updateWorkspaceSchema } from "./workspaces.schema";

const common = { tag: "Workspaces", security: "bearer" } as const;

export const workspaceOperations: Operation[] = [
  {
    ...common,
    method: "get",
    path: "/api/v1/workspaces",
    summary: "The workspaces of the token",
    responses: { 200: "Array of workspaces", 401: "No or bad credentials" },
  },
  {
    ...common,
    method: "get",
    path: "/api/v1/workspaces/{workspaceId}",
    summary: "Get a workspace and its settings",
    responses: { 200: "The workspace", ...WORKSPACE_ERRORS },
  },
  {
    ...common,
    method: "patch",
    path: "/api/v1/workspaces/{workspaceId}",
    summary: "Rename or change inbound policies and the undo window of replies (owners)",
    body: updateWorkspaceSchema,
    responses: { 200: "The workspace", 403: "Not an owner", 422: "Invalid input", ...WORKSPACE_ERRORS },
  },
];
