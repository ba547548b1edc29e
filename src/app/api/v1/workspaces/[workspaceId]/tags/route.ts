import { NextResponse } from "next/server";
import { parseJsonBody } from "@/server/http/body";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";
import { createTagSchema } from "@/server/tags/tags.schema";
import { createTag, listTags } from "@/server/tags/tags.service";

// GET /api/v1/workspaces/:workspaceId/tags
export const GET = withWorkspace(async ({ db, access }) => NextResponse.json(await listTags(db, access)));

// POST /api/v1/workspaces/:workspaceId/tags — any member may create tags.
export const POST = withWorkspace(async ({ request, db, access }) =>
  NextResponse.json(await createTag(db, access, await parseJsonBody(request, createTagSchema)), { status: 201 }),
);
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
