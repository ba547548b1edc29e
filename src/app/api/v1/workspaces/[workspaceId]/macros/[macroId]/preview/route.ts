import { NextResponse } from "next/server";
import { parseJsonBody } from "@/server/http/body";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";
import { previewMacro } from "@/server/macros/apply-macro";
import { applyMacroSchema } from "@/server/macros/macros.schema";

// POST /api/v1/workspaces/:workspaceId/macros/:macroId/preview — what the macro would change on each ticket; changes nothing.
export const POST = withWorkspace<{ workspaceId: string; macroId: string }>(async ({ request, db, access, params }) =>
  NextResponse.json(await previewMacro(db, access, params.macroId, await parseJsonBody(request, applyMacroSchema))),
);
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
