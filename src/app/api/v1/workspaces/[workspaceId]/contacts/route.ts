import { NextResponse } from "next/server";
import { createContact, listContacts } from "@/server/contacts/contact-directory";
import { createContactSchema, listContactsSchema } from "@/server/contacts/contacts.schema";
import { parseJsonBody } from "@/server/http/body";
import { otherMethods } from "@/server/http/methods";
import { pagedJson, parseQuery } from "@/server/http/query";
import { withWorkspace } from "@/server/http/with-workspace";

// GET /api/v1/workspaces/:workspaceId/contacts?search=&limit=&offset= — total in X-Total-Count.
export const GET = withWorkspace(async ({ request, db, access }) => {
  const { contacts, total } = await listContacts(db, access, parseQuery(request, listContactsSchema));
  return pagedJson(contacts, total);
});

// POST /api/v1/workspaces/:workspaceId/contacts
export const POST = withWorkspace(async ({ request, db, access }) =>
  NextResponse.json(await createContact(db, access, await parseJsonBody(request, createContactSchema)), { status: 201 }),
);
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
