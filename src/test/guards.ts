import { expect } from "vitest";
import { createCaller } from "@/server/api/root";
import type { Db } from "@/server/db";
import { callRoute } from "./http";

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

/**
 * The checks every `/workspaces/:workspaceId/…` route shares: 401 without a token, and 404 (never a
 * hint that the workspace exists) for a token of another workspace, whatever the body.
 */
export async function expectWorkspaceGuard<P>(handler: Handler<P>, method: string, options: { params: P; outsiderToken: string; body?: unknown }) {
  const { params, body } = options;
  const anonymous = await callRoute(handler, method, "/", { params, body });
  expect(anonymous.status).toBe(401);
  expect(anonymous.json).toEqual({ error: { code: "UNAUTHORIZED", message: expect.any(String) } });
  const outsider = await callRoute(handler, method, "/", { params, body, token: options.outsiderToken });
  expect(outsider.status).toBe(404);
  expect(outsider.json).toEqual({ error: { code: "NOT_FOUND", message: "Workspace not found" } });
}

/** The tRPC API as a signed-in browser user calls it. */
export const trpcAs = (db: Db, userId: string) => createCaller({ db, caller: { kind: "session", userId } });
