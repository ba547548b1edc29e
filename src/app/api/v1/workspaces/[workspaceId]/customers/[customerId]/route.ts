import { NextResponse } from "next/server";
import { getCustomer } from "@/server/customers/customers.service";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";

// GET /api/v1/workspaces/:workspaceId/customers/:customerId — with its first contacts; its tickets: GET …/tickets?customer=:customerId.
export const GET = withWorkspace<{ workspaceId: string; customerId: string }>(async ({ db, access, params }) =>
  NextResponse.json(await getCustomer(db, access, params.customerId)),
);
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
