import { NextResponse } from "next/server";
import { parseJsonBody } from "@/server/http/body";
import { otherMethods } from "@/server/http/methods";
import { parseQuery } from "@/server/http/query";
import { withWorkspace } from "@/server/http/with-workspace";
import { createSavedReplySchema, listSavedRepliesSchema } from "@/server/saved-replies/saved-replies.schema";
import { createSavedReply, listSavedReplies } from "@/server/saved-replies/saved-replies.service";

// GET /api/v1/workspaces/:workspaceId/saved-replies?ticketId= — shared ones and the caller's own.
export const GET = withWorkspace(async ({ request, db, access }) =>
  NextResponse.json(await listSavedReplies(db, access, parseQuery(request, listSavedRepliesSchema))),
);

// POST /api/v1/workspaces/:workspaceId/saved-replies — shared ones by owners only.
export const POST = withWorkspace(async ({ request, db, access }) =>
  NextResponse.json(await createSavedReply(db, access, await parseJsonBody(request, createSavedReplySchema)), { status: 201 }),
);
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
