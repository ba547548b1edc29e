import { NextResponse } from "next/server";
import { parseJsonBody } from "@/server/http/body";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";
import { createMacroSchema } from "@/server/macros/macros.schema";
import { createMacro, listMacros } from "@/server/macros/macros.service";

// GET /api/v1/workspaces/:workspaceId/macros
export const GET = withWorkspace(async ({ db, access }) => NextResponse.json(await listMacros(db, access)));

// POST /api/v1/workspaces/:workspaceId/macros — owners only.
export const POST = withWorkspace(async ({ request, db, access }) =>
  NextResponse.json(await createMacro(db, access, await parseJsonBody(request, createMacroSchema)), { status: 201 }),
);
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
