import { NextResponse } from "next/server";
import { updateRuleSchema } from "@/server/automations/automations.schema";
import { deleteRule, getRule, updateRule } from "@/server/automations/automations.service";
import { parseJsonBody } from "@/server/http/body";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";

type Params = { workspaceId: string; ruleId: string };

// GET /api/v1/workspaces/:workspaceId/automations/:ruleId
export const GET = withWorkspace<Params>(async ({ db, access, params }) => NextResponse.json(await getRule(db, access, params.ruleId)));

// PATCH /api/v1/workspaces/:workspaceId/automations/:ruleId — owners only.
export const PATCH = withWorkspace<Params>(async ({ request, db, access, params }) =>
  NextResponse.json(await updateRule(db, access, params.ruleId, await parseJsonBody(request, updateRuleSchema))),
);

// DELETE /api/v1/workspaces/:workspaceId/automations/:ruleId — owners only; 200 `{ id, deleted: true }`.
export const DELETE = withWorkspace<Params>(async ({ db, access, params }) => NextResponse.json(await deleteRule(db, access, params.ruleId)));
export const { POST, PUT, OPTIONS } = otherMethods({ GET, PATCH, DELETE });
