import { NextResponse } from "next/server";
import { parseJsonBody } from "@/server/http/body";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";
import { snoozeTicket, snoozeTicketSchema, unsnoozeTicket } from "@/server/tickets/snooze";

type Params = { workspaceId: string; ticketId: string };

// POST /api/v1/workspaces/:workspaceId/tickets/:ticketId/snooze — {until}; a time not in the future 422.
export const POST = withWorkspace<Params>(async ({ request, db, access, params }) =>
  NextResponse.json(await snoozeTicket(db, access, params.ticketId, await parseJsonBody(request, snoozeTicketSchema))),
);
// DELETE /api/v1/workspaces/:workspaceId/tickets/:ticketId/snooze — wakes it now.
export const DELETE = withWorkspace<Params>(async ({ db, access, params }) => NextResponse.json(await unsnoozeTicket(db, access, params.ticketId)));
export const { GET, PUT, PATCH, OPTIONS } = otherMethods({ POST, DELETE });
