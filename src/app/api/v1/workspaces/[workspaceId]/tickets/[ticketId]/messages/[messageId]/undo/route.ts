import { NextResponse } from "next/server";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";
import { undoReply } from "@/server/tickets/undo-reply";

// POST /api/v1/workspaces/:workspaceId/tickets/:ticketId/messages/:messageId/undo — takes back a reply in its undo window.
export const POST = withWorkspace<{ workspaceId: string; ticketId: string; messageId: string }>(async ({ db, access, params }) =>
  NextResponse.json(await undoReply(db, access, params.ticketId, params.messageId)),
);
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
