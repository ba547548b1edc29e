import { NextResponse } from "next/server";
import { parseJsonBody } from "@/server/http/body";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";
import { splitTicket } from "@/server/tickets/split-ticket";
import { splitTicketSchema } from "@/server/tickets/tickets.schema";

// POST /api/v1/workspaces/:workspaceId/tickets/:ticketId/split — {messageIds, newSubject}; 201 {ticket, movedCount}.
export const POST = withWorkspace<{ workspaceId: string; ticketId: string }>(async ({ request, db, access, params }) =>
  NextResponse.json(await splitTicket(db, access, params.ticketId, await parseJsonBody(request, splitTicketSchema)), { status: 201 }),
);
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
