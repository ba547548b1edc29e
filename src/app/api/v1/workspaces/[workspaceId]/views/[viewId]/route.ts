import { NextResponse } from "next/server";
import { parseJsonBody } from "@/server/http/body";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";
import { updateViewSchema } from "@/server/views/saved-views.schema";
import { deleteView, updateView } from "@/server/views/saved-views";

type Params = { workspaceId: string; viewId: string };

// PATCH /api/v1/workspaces/:workspaceId/views/:viewId — its owner, or an owner for a shared view.
export const PATCH = withWorkspace<Params>(async ({ request, db, access, params }) =>
  NextResponse.json(await updateView(db, access, params.viewId, await parseJsonBody(request, updateViewSchema))),
);

// DELETE /api/v1/workspaces/:workspaceId/views/:viewId
export const DELETE = withWorkspace<Params>(async ({ db, access, params }) => NextResponse.json(await deleteView(db, access, params.viewId)));
export const { GET, POST, PUT, OPTIONS } = otherMethods({ PATCH, DELETE });
