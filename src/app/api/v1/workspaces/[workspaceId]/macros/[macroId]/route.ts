import { NextResponse } from "next/server";
import { parseJsonBody } from "@/server/http/body";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";
import { updateMacroSchema } from "@/server/macros/macros.schema";
import { deleteMacro, updateMacro } from "@/server/macros/macros.service";

type Params = { workspaceId: string; macroId: string };

// PATCH /api/v1/workspaces/:workspaceId/macros/:macroId — owners only.
export const PATCH = withWorkspace<Params>(async ({ request, db, access, params }) =>
  NextResponse.json(await updateMacro(db, access, params.macroId, await parseJsonBody(request, updateMacroSchema))),
);

// DELETE /api/v1/workspaces/:workspaceId/macros/:macroId — owners only.
export const DELETE = withWorkspace<Params>(async ({ db, access, params }) => NextResponse.json(await deleteMacro(db, access, params.macroId)));
export const { GET, POST, PUT, OPTIONS } = otherMethods({ PATCH, DELETE });
