import { liveEventStream } from "@/server/http/live-stream";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";

// The stream stays open: never prerendered, never cached.
export const dynamic = "force-dynamic";

// GET /api/v1/workspaces/:workspaceId/events — the workspace's live events (Server-Sent Events).
export const GET = withWorkspace<{ workspaceId: string }>(({ request, access }) => liveEventStream(access, request.signal));
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
