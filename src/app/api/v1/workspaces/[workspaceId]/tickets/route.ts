import { NextResponse } from "next/server";
import { parseJsonBody } from "@/server/http/body";
import { otherMethods } from "@/server/http/methods";
import { pagedJson, parseQuery } from "@/server/http/query";
import { withWorkspace } from "@/server/http/with-workspace";
import { createTicket } from "@/server/tickets/create-ticket";
import { createTicketSchema, listTicketsSchema } from "@/server/tickets/tickets.schema";
import { listTickets } from "@/server/tickets/tickets.service";

// GET /api/v1/workspaces/:workspaceId/tickets — filtered, paged; the total in X-Total-Count, the
// next page's cursor in X-Next-Cursor.
export const GET = withWorkspace(async ({ request, db, access }) => {
  const filters = parseQuery(request, listTicketsSchema, ["status", "tags", "priority"]);
  const { tickets, total, nextCursor } = await listTickets(db, access, filters);
  return pagedJson(tickets, total, nextCursor);
});

// POST /api/v1/workspaces/:workspaceId/tickets
export const POST = withWorkspace(async ({ request, db, access }) =>
  NextResponse.json(await createTicket(db, access, await parseJsonBody(request, createTicketSchema)), { status: 201 }),
);
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
