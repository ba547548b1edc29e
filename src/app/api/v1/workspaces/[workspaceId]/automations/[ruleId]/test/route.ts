import { NextResponse } from "next/server";
import { testRuleSchema } from "@/server/automations/automations.schema";
import { dryRunRule } from "@/server/automations/dry-run";
import { parseJsonBody } from "@/server/http/body";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";

type Params = { workspaceId: string; ruleId: string };

// POST /api/v1/workspaces/:workspaceId/automations/:ruleId/test — dry run `{matched, trace}`; it only
// reads, so members may use it too (the rules are readable to them).
export const POST = withWorkspace<Params>(async ({ request, db, access, params }) =>
  NextResponse.json(await dryRunRule(db, access, params.ruleId, await parseJsonBody(request, testRuleSchema))),
);
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
