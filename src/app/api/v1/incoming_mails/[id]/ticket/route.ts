import { NextResponse } from "next/server";
import { parseJsonBody } from "@/server/http/body";
import { otherMethods } from "@/server/http/methods";
import { withCallerWorkspace } from "@/server/http/with-caller-workspace";
import { convertIncomingMailToTicket } from "@/server/incoming-mails/convert-to-ticket";
import { convertIncomingMailSchema } from "@/server/incoming-mails/incoming-mails.schema";

// PUT /api/v1/incoming_mails/:id/ticket — {customer_id}; 201 with the new (or, converted before, the same) ticket.
export const PUT = withCallerWorkspace<{ id: string }>(async ({ request, db, access, params }) => {
  const { customer_id } = await parseJsonBody(request, convertIncomingMailSchema);
  return NextResponse.json(await convertIncomingMailToTicket(db, access, params.id, customer_id), { status: 201 });
});
export const { GET, POST, PATCH, DELETE, OPTIONS } = otherMethods({ PUT });
