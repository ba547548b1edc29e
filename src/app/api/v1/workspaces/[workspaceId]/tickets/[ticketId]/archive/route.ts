import { NextResponse } from "next/server";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";
import { setTicketArchived } from "@/server/tickets/ticket-status";

// POST /api/v1/workspaces/:workspaceId/tickets/:ticketId/archive
export const POST = withWorkspace<{ workspaceId: string; ticketId: string }>(async ({ db, access, params }) =>
  NextResponse.json(await setTicketArchived(db, access, params.ticketId, true)),
);
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
