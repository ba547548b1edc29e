import { NextResponse } from "next/server";
import { notFound } from "@/server/errors";
import { parseJsonBody } from "@/server/http/body";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";
import { saveDraftSchema } from "@/server/tickets/ticket-drafts.schema";
import { discardTicketDraft, getTicketDraft, saveTicketDraft } from "@/server/tickets/ticket-drafts";

type Params = { workspaceId: string; ticketId: string };

// GET /api/v1/workspaces/:workspaceId/tickets/:ticketId/draft — the caller's unsent composer content.
export const GET = withWorkspace<Params>(async ({ db, access, params }) => {
  const draft = await getTicketDraft(db, access, params.ticketId);
  if (!draft) throw notFound("Draft");
  return NextResponse.json(draft);
});

// PUT …/draft — replaces the caller's draft on the ticket.
export const PUT = withWorkspace<Params>(async ({ request, db, access, params }) =>
  NextResponse.json(await saveTicketDraft(db, access, params.ticketId, await parseJsonBody(request, saveDraftSchema))),
);

// DELETE …/draft — discards it.
export const DELETE = withWorkspace<Params>(async ({ db, access, params }) => {
  await discardTicketDraft(db, access, params.ticketId);
  return new NextResponse(null, { status: 204 });
});
export const { POST, PATCH, OPTIONS } = otherMethods({ GET, PUT, DELETE });
