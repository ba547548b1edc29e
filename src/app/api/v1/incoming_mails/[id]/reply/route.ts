import { NextResponse } from "next/server";
import { otherMethods } from "@/server/http/methods";
import { withCallerWorkspace } from "@/server/http/with-caller-workspace";
import { addIncomingMailAsReply } from "@/server/incoming-mails/add-as-reply";

// PUT /api/v1/incoming_mails/:id/reply — appends the mail to its ticket; 201 with that ticket.
export const PUT = withCallerWorkspace<{ id: string }>(async ({ db, access, params }) =>
  NextResponse.json(await addIncomingMailAsReply(db, access, params.id), { status: 201 }),
);
export const { GET, POST, PATCH, DELETE, OPTIONS } = otherMethods({ PUT });
