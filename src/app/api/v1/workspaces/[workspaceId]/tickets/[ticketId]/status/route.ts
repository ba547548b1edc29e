import { NextResponse } from "next/server";
import { parseJsonBody } from "@/server/http/body";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";
import { changeTicketStatus } from "@/server/tickets/ticket-status";
import { changeStatusSchema } from "@/server/tickets/tickets.schema";

// POST /api/v1/workspaces/:workspaceId/tickets/:ticketId/status — {toStatus, reason}; illegal transitions 409.
export const POST = withWorkspace<{ workspaceId: string; ticketId: string }>(async ({ request, db, access, params }) =>
  NextResponse.json(await changeTicketStatus(db, access, params.ticketId, await parseJsonBody(request, changeStatusSchema))),
);
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
