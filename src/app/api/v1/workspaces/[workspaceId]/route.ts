import { NextResponse } from "next/server";
import { parseJsonBody } from "@/server/http/body";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";
import { updateWorkspaceSchema } from "@/server/workspaces/workspaces.schema";
import { presentWorkspace, updateWorkspace } from "@/server/workspaces/workspaces.service";

// GET /api/v1/workspaces/:workspaceId
export const GET = withWorkspace(({ access }) => Promise.resolve(NextResponse.json(presentWorkspace(access.workspace, access.role))));

// PATCH /api/v1/workspaces/:workspaceId — name and settings; owners only.
export const PATCH = withWorkspace(async ({ request, db, access }) =>
  NextResponse.json(await updateWorkspace(db, access, await parseJsonBody(request, updateWorkspaceSchema))),
);
export const { POST, PUT, DELETE, OPTIONS } = otherMethods({ GET, PATCH });
