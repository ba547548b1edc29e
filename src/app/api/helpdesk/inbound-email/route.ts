import { NextResponse } from "next/server";
import { db } from "@/server/db";
import { parseJsonBody } from "@/server/http/body";
import { inboundErrorResponse } from "@/server/http/inbound-errors";
import { otherMethods } from "@/server/http/methods";
import { helpdeskInboundSchema } from "@/server/inbound/inbound.schema";
import { inboundSecretOf, mailboxForSecret } from "@/server/inbound/inbound-secret";
import { ingestInboundEmail } from "@/server/inbound/ingest";
import { INBOUND_MAX_BYTES } from "@/server/inbound/limits";
import { normalizeHelpdeskInbound } from "@/server/inbound/normalize";
import { kickJobWorker } from "@/server/jobs/worker";

// POST /api/helpdesk/inbound-email — the mailbox's shared secret selects mailbox and workspace (SPEC §2.2).
export async function POST(request: Request) {
  try {
    const database = db();
    const mailbox = await mailboxForSecret(database, inboundSecretOf(request));
    const body = await parseJsonBody(request, helpdeskInboundSchema, INBOUND_MAX_BYTES, { allowUnsafeText: true });
    const workspace = await database.workspace.findUniqueOrThrow({ where: { id: mailbox.workspaceId } });
    const result = await ingestInboundEmail(database, { workspace, mailbox }, normalizeHelpdeskInbound(body, mailbox.address));
    kickJobWorker(database);
    return NextResponse.json({ success: true, ticketId: result.ticketId, messageId: result.messageId });
  } catch (error) {
    return inboundErrorResponse(error);
  }
}
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
