import { NextResponse } from "next/server";
import { createCustomerSchema } from "@/server/customers/customers.schema";
import { createCustomer, listCustomers } from "@/server/customers/customers.service";
import { parseJsonBody } from "@/server/http/body";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";

// GET /api/v1/workspaces/:workspaceId/customers
export const GET = withWorkspace(async ({ db, access }) => NextResponse.json(await listCustomers(db, access)));

// POST /api/v1/workspaces/:workspaceId/customers — owners only.
export const POST = withWorkspace(async ({ request, db, access }) =>
  NextResponse.json(await createCustomer(db, access, await parseJsonBody(request, createCustomerSchema)), { status: 201 }),
);
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET, POST });
