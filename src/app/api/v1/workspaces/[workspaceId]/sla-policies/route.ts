import { NextResponse } from "next/server";
import { parseJsonBody } from "@/server/http/body";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";
import { policyInputSchema } from "@/server/sla/sla.schema";
import { createPolicy, listPolicies } from "@/server/sla/sla-policies.service";

// GET /api/v1/workspaces/:workspaceId/sla-policies — urgent first.
export const GET = withWorkspace(async ({ db, access }) => NextResponse.json(await listPolicies(db, access)));

// POST /api/v1/workspaces/:workspaceId/sla-policies — owners only; 201 with the policy.
export const POST = withWorkspace(async ({ request, db, access }) =>
  NextResponse.json(await createPolicy(db, access, await parseJsonBody(request, policyInputSchema)), { status: 201 }),
);
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
