import { NextResponse } from "next/server";
import { parseJsonBody } from "@/server/http/body";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";
import { createViewSchema } from "@/server/views/saved-views.schema";
import { createView, listViews } from "@/server/views/saved-views";

// GET /api/v1/workspaces/:workspaceId/views — shared views and the caller's own, each with its count.
export const GET = withWorkspace(async ({ db, access }) => NextResponse.json(await listViews(db, access)));

// POST /api/v1/workspaces/:workspaceId/views — a shared view is the owners' to create.
export const POST = withWorkspace(async ({ request, db, access }) =>
  NextResponse.json(await createView(db, access, await parseJsonBody(request, createViewSchema)), { status: 201 }),
);
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
