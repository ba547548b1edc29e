import { NextResponse } from "next/server";
import { otherMethods } from "@/server/http/methods";
import { withCaller } from "@/server/http/with-workspace";
import { listWorkspaces } from "@/server/workspaces/workspaces.service";

// GET /api/v1/workspaces — the workspaces of the caller (a token: its own workspace only).
export const GET = withCaller(async ({ db, caller }) =>
  NextResponse.json(await listWorkspaces(db, caller.userId, caller.kind === "token" ? caller.workspaceId : undefined)),
);
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
