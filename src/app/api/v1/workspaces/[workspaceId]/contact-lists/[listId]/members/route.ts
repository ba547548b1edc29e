import { NextResponse } from "next/server";
import { addContactListMember, listContactListMembers } from "@/server/contact-lists/contact-list-members";
import { addContactListMemberSchema, listContactListMembersSchema } from "@/server/contact-lists/contact-lists.schema";
import { parseJsonBody } from "@/server/http/body";
import { otherMethods } from "@/server/http/methods";
import { pagedJson, parseQuery } from "@/server/http/query";
import { withWorkspace } from "@/server/http/with-workspace";

type Params = { workspaceId: string; listId: string };

// GET /api/v1/workspaces/:workspaceId/contact-lists/:listId/members?limit=&offset= — total in X-Total-Count.
export const GET = withWorkspace<Params>(async ({ request, db, access, params }) => {
  const input = parseQuery(request, listContactListMembersSchema);
  const { members, total } = await listContactListMembers(db, access, params.listId, input);
  return pagedJson(members, total);
});

// POST /api/v1/workspaces/:workspaceId/contact-lists/:listId/members — owners only; adding twice is fine.
export const POST = withWorkspace<Params>(async ({ request, db, access, params }) => {
  const input = await parseJsonBody(request, addContactListMemberSchema);
  return NextResponse.json(await addContactListMember(db, access, params.listId, input), { status: 201 });
});
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
