import { NextResponse } from "next/server";
import { parseJsonBody } from "@/server/http/body";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";
import { updateTicketSchema } from "@/server/tickets/tickets.schema";
import { getTicketDetail } from "@/server/tickets/tickets.service";
import { updateTicket } from "@/server/tickets/update-ticket";

type Params = { workspaceId: string; ticketId: string };

// GET /api/v1/workspaces/:workspaceId/tickets/:ticketId — with `messages` and `activity`.
export const GET = withWorkspace<Params>(async ({ db, access, params }) => NextResponse.json(await getTicketDetail(db, access, params.ticketId)));

// PATCH /api/v1/workspaces/:workspaceId/tickets/:ticketId — assigneeId, priority, subject, tags.
export const PATCH = withWorkspace<Params>(async ({ request, db, access, params }) =>
  NextResponse.json(await updateTicket(db, access, params.ticketId, await parseJsonBody(request, updateTicketSchema))),
);
export const { POST, PUT, DELETE, OPTIONS } = otherMethods({ GET, PATCH });
