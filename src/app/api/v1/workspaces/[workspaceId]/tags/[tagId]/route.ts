import { NextResponse } from "next/server";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";
import { deleteTag } from "@/server/tags/tags.service";

// DELETE /api/v1/workspaces/:workspaceId/tags/:tagId — owners only.
export const DELETE = withWorkspace<{ workspaceId: string; tagId: string }>(async ({ db, access, params }) =>
  NextResponse.json(await deleteTag(db, access, params.tagId)),
);
export const { GET, POST, PUT, PATCH, OPTIONS } = otherMethods({ DELETE });
