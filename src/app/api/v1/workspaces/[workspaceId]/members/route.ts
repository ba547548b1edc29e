import { NextResponse } from "next/server";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";
import { listMembers } from "@/server/members/members.service";

// GET /api/v1/workspaces/:workspaceId/members
export const GET = withWorkspace(async ({ db, access }) => NextResponse.json(await listMembers(db, access)));
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
