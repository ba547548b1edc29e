import { NextResponse } from "next/server";
import { parseJsonBody } from "@/server/http/body";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";
import { bulkUpdateTickets } from "@/server/tickets/bulk-update";
import { bulkUpdateTicketsSchema } from "@/server/tickets/tickets.schema";

// POST /api/v1/workspaces/:workspaceId/tickets/bulk — {ticketIds, action}: close, assign, add_tag or remove_tag many tickets at once.
export const POST = withWorkspace<{ workspaceId: string }>(async ({ request, db, access }) =>
  NextResponse.json(await bulkUpdateTickets(db, access, await parseJsonBody(request, bulkUpdateTicketsSchema))),
);
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
