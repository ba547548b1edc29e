import { NextResponse } from "next/server";
import { otherMethods } from "@/server/http/methods";
import { withCallerWorkspace } from "@/server/http/with-caller-workspace";
import { deleteIncomingMail } from "@/server/incoming-mails/incoming-mails.service";

// DELETE /api/v1/incoming_mails/:id — 201 {message}, as the seed API answers it.
export const DELETE = withCallerWorkspace<{ id: string }>(async ({ db, access, params }) =>
  NextResponse.json(await deleteIncomingMail(db, access, params.id), { status: 201 }),
);
export const { GET, POST, PUT, PATCH, OPTIONS } = otherMethods({ DELETE });
