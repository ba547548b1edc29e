import { resolveWorkspaceAccess, type WorkspaceAccess } from "@/server/auth/access";
import { resolveCaller, type Caller } from "@/server/auth/caller";
import { assertSameOriginWrite } from "@/server/auth/same-origin";
import { db, type Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { isUuid } from "@/server/ids";
import { kickJobWorker } from "@/server/jobs/worker";
import { errorResponse } from "./errors";

type RouteContext<P> = { params: Promise<P> };

// What each path parameter names, for the same 404 message the services give an unknown id.
const PATH_RECORDS: Record<string, string> = {
  workspaceId: "Workspace",
  ticketId: "Ticket",
  contactId: "Contact",
  customerId: "Customer",
  tagId: "Tag",
  listId: "Contact list",
  ruleId: "Automation rule",
  attachmentId: "Attachment",
  savedReplyId: "Saved reply",
  macroId: "Macro",
  id: "Incoming mail",
};

/**
 * Every path parameter of the REST API names a row by its UUID (`ticketId`, `id`): anything else
 * (`not-a-uuid`, `%00`, 3,000 characters) names nothing, so it is 404, as another workspace's id
 * is, before PostgreSQL would refuse it inside a query.
 */
function assertPathIds(params: unknown) {
  for (const [name, value] of Object.entries(params ?? {})) {
    if (typeof value === "string" && !isUuid(value)) throw notFound(PATH_RECORDS[name] ?? "Record");
  }
}

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
      const params = await context.params;
      assertPathIds(params);
      const response = await handler({ request, params, db: database, caller });
      // A write may have enqueued jobs in its commit (an agent's reply, sent by its job): the
      // worker starts on them right away instead of at the next poll.
      if (response.ok && request.method !== "GET" && request.method !== "HEAD") kickJobWorker(database);
      return response;
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export interface WorkspaceHandlerArgs<P> extends CallerHandlerArgs<P> {
  access: WorkspaceAccess;
}

/**
 * A REST handler on `/workspaces/:workspaceId/…`: the shared guard resolves the caller and checks
 * membership (404 otherwise), and `x-workspace-id`, when sent, must name the same workspace. The
 * service the handler calls checks the role it needs.
 */
export function withWorkspace<P extends { workspaceId: string }>(handler: (args: WorkspaceHandlerArgs<P>) => Promise<Response>) {
  return withCaller<P>(async (args) => {
    const headerWorkspace = args.request.headers.get("x-workspace-id");
    if (headerWorkspace !== null && headerWorkspace !== args.params.workspaceId) {
      throw new AppError("BAD_REQUEST", "The x-workspace-id header does not match the workspace in the path", {
        fields: { "x-workspace-id": "must equal the path's workspaceId" },
      });
    }
    const access = await resolveWorkspaceAccess(args.db, args.caller, { id: args.params.workspaceId });
    return handler({ ...args, access });
  });
}
