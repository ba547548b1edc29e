import { NextResponse } from "next/server";
import { reorderRulesSchema } from "@/server/automations/automations.schema";
import { reorderRules } from "@/server/automations/automations.service";
import { parseJsonBody } from "@/server/http/body";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";

// POST /api/v1/workspaces/:workspaceId/automations/reorder `{ids}` — owners only; answers the rules in their new order.
export const POST = withWorkspace(async ({ request, db, access }) =>
  NextResponse.json(await reorderRules(db, access, await parseJsonBody(request, reorderRulesSchema))),
);
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
