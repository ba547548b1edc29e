import { NextResponse } from "next/server";
import { deleteContactList } from "@/server/contact-lists/contact-lists.service";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";

// DELETE /api/v1/workspaces/:workspaceId/contact-lists/:listId — owners only; 409 while a rule uses it.
export const DELETE = withWorkspace<{ workspaceId: string; listId: string }>(async ({ db, access, params }) =>
  NextResponse.json(await deleteContactList(db, access, params.listId)),
);
export const { GET, POST, PUT, PATCH, OPTIONS } = otherMethods({ DELETE });
