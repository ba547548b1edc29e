import { resolveWorkspaceAccess } from "@/server/auth/access";
import { AppError } from "@/server/errors";
import { withCaller, type WorkspaceHandlerArgs } from "./with-workspace";

/**
 * A REST handler whose path names no workspace (`/api/v1/incoming_mails`): a token works
 * on its own workspace, a signed-in browser names one in `x-workspace-id` (which a token may send
 * too, but then only its own). The shared guard then checks membership, as on every route.
 */
export function withCallerWorkspace<P = Record<string, never>>(handler: (args: WorkspaceHandlerArgs<P>) => Promise<Response>) {
  return withCaller<P>(async (args) => {
    const header = args.request.headers.get("x-workspace-id");
    const workspaceId = args.caller.kind === "token" ? args.caller.workspaceId : header;
    if (!workspaceId) {
      throw new AppError("BAD_REQUEST", "Name the workspace in the x-workspace-id header", { fields: { "x-workspace-id": "required without an API token" } });
    }
    if (header !== null && header !== workspaceId) {
      throw new AppError("BAD_REQUEST", "The x-workspace-id header does not match the token's workspace", {
        fields: { "x-workspace-id": "must equal the token's workspace" },
      });
    }
    const access = await resolveWorkspaceAccess(args.db, args.caller, { id: workspaceId });
    return handler({ ...args, access });
  });
}
