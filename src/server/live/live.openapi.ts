import { WORKSPACE_ERRORS, type Operation } from "@/server/openapi-operation";
import { MAX_STREAMS_PER_USER } from "./live-events";

export const liveOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/workspaces/{workspaceId}/events",
    tag: "Live events",
    security: "bearer",
    summary: "Stream the workspace's changes (Server-Sent Events)",
    description:
      'text/event-stream that stays open: one `data: {"kind", "ticketId"}` line per committed change. kind "ticket": the ticket, its messages or its tags changed (fetch it again); "notification": your own notifications changed; "incoming", "outbox": the receive log or the outbound mail changed; "presence": who is on a ticket\'s page changed; "resync": events may have been missed, fetch everything again. A comment every 15 s keeps the connection open. ' +
      `At most ${MAX_STREAMS_PER_USER} open streams per user and instance.`,
    responses: {
      200: "The event stream",
      ...WORKSPACE_ERRORS,
      429: `More than ${MAX_STREAMS_PER_USER} open streams of this user, or too many requests with this token`,
    },
  },
];
