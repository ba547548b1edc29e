import { NextResponse } from "next/server";
import { getContact, updateContact } from "@/server/contacts/contact-profile";
import { updateContactSchema } from "@/server/contacts/contacts.schema";
import { parseJsonBody } from "@/server/http/body";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";

type Params = { workspaceId: string; contactId: string };

// GET /api/v1/workspaces/:workspaceId/contacts/:contactId — with its customer and ticket counts.
export const GET = withWorkspace<Params>(async ({ db, access, params }) => NextResponse.json(await getContact(db, access, params.contactId)));

// PATCH /api/v1/workspaces/:workspaceId/contacts/:contactId — name, customerId.
export const PATCH = withWorkspace<Params>(async ({ request, db, access, params }) =>
  NextResponse.json(await updateContact(db, access, params.contactId, await parseJsonBody(request, updateContactSchema))),
);
export const { POST, PUT, DELETE, OPTIONS } = otherMethods({ GET, PATCH });
