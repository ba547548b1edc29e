import type { Role } from "@/generated/prisma/client";
import { resolveWorkspaceAccess, type WorkspaceAccess } from "@/server/auth/access";
import { resolveCaller, type Caller } from "@/server/auth/caller";
import { assertSameOriginWrite } from "@/server/auth/same-origin";
import { db, type Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { errorResponse } from "./errors";

type RouteContext<P> = { params: Promise<P> };

export interface CallerHandlerArgs<P> {
  request: Request;
  params: P;
  db: Db;
  caller: Caller;
}

/** A REST handler that needs a caller (bearer token, or a session from the app's own pages) but no workspace in the path. */
export function withCaller<P = Record<string, never>>(handler: (args: CallerHandlerArgs<P>) => Promise<Response>) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const database = db();
      const caller = await resolveCaller(database, request.headers);
      if (!caller) throw new AppError("UNAUTHORIZED", "Send `Authorization: Bearer <token>`");
      // The UI uploads and downloads attachments here with its cookie; other writes need a token.
      if (caller.kind === "session") assertSameOriginWrite(request.method, request.headers);
      return await handler({ request, params: await context.params, db: database, caller });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export interface WorkspaceHandlerArgs<P> extends CallerHandlerArgs<P> {
  access: WorkspaceAccess;
}

/**
 * A REST handler on `/workspaces/:workspaceId/…`: the shared guard resolves the caller, checks
 * membership (404 otherwise) and role (`minRole`), and `x-workspace-id`, when sent, must name the
 * same workspace.
 */
export function withWorkspace<P extends { workspaceId: string }>(
  handler: (args: WorkspaceHandlerArgs<P>) => Promise<Response>,
  options: { minRole?: Role } = {},
) {
  return withCaller<P>(async (args) => {
    const headerWorkspace = args.request.headers.get("x-workspace-id");
    if (headerWorkspace !== null && headerWorkspace !== args.params.workspaceId) {
      throw new AppError("BAD_REQUEST", "The x-workspace-id header does not match the workspace in the path", {
        fields: { "x-workspace-id": "must equal the path's workspaceId" },
      });
    }
    const access = await resolveWorkspaceAccess(args.db, args.caller, { id: args.params.workspaceId }, options.minRole);
    return handler({ ...args, access });
  });
}
