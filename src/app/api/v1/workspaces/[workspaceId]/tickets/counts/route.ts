import { NextResponse } from "next/server";
import { otherMethods } from "@/server/http/methods";
import { parseQuery } from "@/server/http/query";
import { withWorkspace } from "@/server/http/with-workspace";
import { countTicketTabs } from "@/server/tickets/ticket-counts";
import { ticketCountsSchema } from "@/server/tickets/tickets.schema";

// GET /api/v1/workspaces/:workspaceId/tickets/counts — each inbox tab's count under the filters, capped.
export const GET = withWorkspace<{ workspaceId: string }>(async ({ request, db, access }) =>
  NextResponse.json(await countTicketTabs(db, access, parseQuery(request, ticketCountsSchema, ["tags", "priority"]))),
);
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
