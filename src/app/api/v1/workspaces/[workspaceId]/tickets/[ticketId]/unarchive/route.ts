import { NextResponse } from "next/server";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";
import { setTicketArchived } from "@/server/tickets/ticket-status";

// POST /api/v1/workspaces/:workspaceId/tickets/:ticketId/unarchive
export const POST = withWorkspace<{ workspaceId: string; ticketId: string }>(async ({ db, access, params }) =>
  NextResponse.json(await setTicketArchived(db, access, params.ticketId, false)),
);
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
