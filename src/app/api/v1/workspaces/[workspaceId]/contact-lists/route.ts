import { NextResponse } from "next/server";
import { createContactListSchema } from "@/server/contact-lists/contact-lists.schema";
import { createContactList, listContactLists } from "@/server/contact-lists/contact-lists.service";
import { parseJsonBody } from "@/server/http/body";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";

// GET /api/v1/workspaces/:workspaceId/contact-lists — each with its memberCount.
export const GET = withWorkspace(async ({ db, access }) => NextResponse.json(await listContactLists(db, access)));

// POST /api/v1/workspaces/:workspaceId/contact-lists — owners only.
export const POST = withWorkspace(async ({ request, db, access }) =>
  NextResponse.json(await createContactList(db, access, await parseJsonBody(request, createContactListSchema)), { status: 201 }),
);
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
