import { NextResponse } from "next/server";
import { createCustomerSchema } from "@/server/customers/customers.schema";
import { createCustomer, listCustomers } from "@/server/customers/customers.service";
import { parseJsonBody } from "@/server/http/body";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";

// GET /api/v1/workspaces/:workspaceId/customers
export const GET = withWorkspace(async ({ db, access }) => NextResponse.json(await listCustomers(db, access.workspace.id)));

// POST /api/v1/workspaces/:workspaceId/customers — owners only.
export const POST = withWorkspace(
  async ({ request, db, access }) =>
    NextResponse.json(await createCustomer(db, access.workspace.id, await parseJsonBody(request, createCustomerSchema)), { status: 201 }),
  { minRole: "owner" },
);
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
