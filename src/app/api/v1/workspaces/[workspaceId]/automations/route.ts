import { NextResponse } from "next/server";
import { createRuleSchema } from "@/server/automations/automations.schema";
import { createRule, listRules } from "@/server/automations/automations.service";
import { parseJsonBody } from "@/server/http/body";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";

// GET /api/v1/workspaces/:workspaceId/automations — every rule, in the order they run.
export const GET = withWorkspace(async ({ db, access }) => NextResponse.json(await listRules(db, access)));

// POST /api/v1/workspaces/:workspaceId/automations — owners only; 201 with the rule.
export const POST = withWorkspace(async ({ request, db, access }) =>
  NextResponse.json(await createRule(db, access, await parseJsonBody(request, createRuleSchema)), { status: 201 }),
);
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
