import { NextResponse } from "next/server";
import { parseJsonBody } from "@/server/http/body";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";
import { updateSavedReplySchema } from "@/server/saved-replies/saved-replies.schema";
import { deleteSavedReply, updateSavedReply } from "@/server/saved-replies/saved-replies.service";

type Params = { workspaceId: string; savedReplyId: string };

// PATCH /api/v1/workspaces/:workspaceId/saved-replies/:savedReplyId — shared ones by owners only.
export const PATCH = withWorkspace<Params>(async ({ request, db, access, params }) =>
  NextResponse.json(await updateSavedReply(db, access, params.savedReplyId, await parseJsonBody(request, updateSavedReplySchema))),
);

// DELETE /api/v1/workspaces/:workspaceId/saved-replies/:savedReplyId — shared ones by owners only.
export const DELETE = withWorkspace<Params>(async ({ db, access, params }) => NextResponse.json(await deleteSavedReply(db, access, params.savedReplyId)));
export const { GET, POST, PUT, OPTIONS } = otherMethods({ PATCH, DELETE });
