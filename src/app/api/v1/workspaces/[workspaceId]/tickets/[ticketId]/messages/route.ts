import { NextResponse } from "next/server";
import { otherMethods } from "@/server/http/methods";
import { addTicketMessage } from "@/server/tickets/add-message";
import { parseJsonBody } from "@/server/http/body";
import { withWorkspace } from "@/server/http/with-workspace";
import { addMessageSchema } from "@/server/tickets/tickets.schema";

// POST /api/v1/workspaces/:workspaceId/tickets/:ticketId/messages — a reply (optionally emailed) or an internal note.
export const POST = withWorkspace<{ workspaceId: string; ticketId: string }>(async ({ request, db, access, params }) =>
  NextResponse.json(await addTicketMessage(db, access, params.ticketId, await parseJsonBody(request, addMessageSchema)), { status: 201 }),
);
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
