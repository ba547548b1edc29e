import { NextResponse } from "next/server";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";
import { listWorkspaceMailboxes, publicBaseUrl } from "@/server/mailboxes/mailboxes.service";

// GET /api/v1/workspaces/:workspaceId/mailboxes — inbound URLs for all members, secrets for owners.
export const GET = withWorkspace(async ({ request, db, access }) =>
  NextResponse.json(await listWorkspaceMailboxes(db, access, publicBaseUrl(new URL(request.url).origin))),
);
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
