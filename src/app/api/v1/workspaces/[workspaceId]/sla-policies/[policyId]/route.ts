import { NextResponse } from "next/server";
import { parseJsonBody } from "@/server/http/body";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";
import { policyInputSchema } from "@/server/sla/sla.schema";
import { deletePolicy, getPolicy, updatePolicy } from "@/server/sla/sla-policies.service";

type Params = { workspaceId: string; policyId: string };

// GET /api/v1/workspaces/:workspaceId/sla-policies/:policyId
export const GET = withWorkspace<Params>(async ({ db, access, params }) => NextResponse.json(await getPolicy(db, access, params.policyId)));

// PUT /api/v1/workspaces/:workspaceId/sla-policies/:policyId — owners only; replaces the policy.
export const PUT = withWorkspace<Params>(async ({ request, db, access, params }) =>
  NextResponse.json(await updatePolicy(db, access, params.policyId, await parseJsonBody(request, policyInputSchema))),
);

// DELETE /api/v1/workspaces/:workspaceId/sla-policies/:policyId — owners only; 200 `{ id, deleted: true }`.
export const DELETE = withWorkspace<Params>(async ({ db, access, params }) => NextResponse.json(await deletePolicy(db, access, params.policyId)));
export const { POST, PATCH, OPTIONS } = otherMethods({ GET, PUT, DELETE });
