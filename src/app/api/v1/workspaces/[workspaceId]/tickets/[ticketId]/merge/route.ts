import { NextResponse } from "next/server";
import { parseJsonBody } from "@/server/http/body";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";
import { mergeTicket } from "@/server/tickets/merge-ticket";
import { mergeTicketSchema } from "@/server/tickets/tickets.schema";

// POST /api/v1/workspaces/:workspaceId/tickets/:ticketId/merge — {targetTicketId}; answers {source, target, movedCount}.
export const POST = withWorkspace<{ workspaceId: string; ticketId: string }>(async ({ request, db, access, params }) => {
  const { targetTicketId } = await parseJsonBody(request, mergeTicketSchema);
  return NextResponse.json(await mergeTicket(db, access, params.ticketId, targetTicketId));
});
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
