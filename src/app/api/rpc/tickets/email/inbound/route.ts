import { NextResponse } from "next/server";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import { parseJsonBody } from "@/server/http/body";
import { inboundErrorResponse } from "@/server/http/inbound-errors";
import { otherMethods } from "@/server/http/methods";
import { rpcInboundSchema } from "@/server/inbound/inbound.schema";
import { inboundSecretOf, mailboxForSecret } from "@/server/inbound/inbound-secret";
import { ingestInboundEmail } from "@/server/inbound/ingest";
import { INBOUND_MAX_BYTES } from "@/server/inbound/limits";
import { normalizeRpcInbound } from "@/server/inbound/normalize";
import { kickJobWorker } from "@/server/jobs/worker";

// POST /api/rpc/tickets/email/inbound — public JSON webhook (SPEC §2.1).
export async function POST(request: Request) {
  try {
    const body = await parseJsonBody(request, rpcInboundSchema, INBOUND_MAX_BYTES, { allowUnsafeText: true });
    const database = db();
    const workspace = await database.workspace.findUnique({ where: { id: body.organizationId } });
    if (!workspace) throw notFound("Workspace");
    if (workspace.requireInboundSecret) await mailboxForSecret(database, inboundSecretOf(request), workspace.id);
    const result = await ingestInboundEmail(database, { workspace, mailbox: null }, normalizeRpcInbound(body));
    kickJobWorker(database);
    return NextResponse.json({ success: true, ticketId: result.ticketId, messageId: result.messageId });
  } catch (error) {
    return inboundErrorResponse(error);
  }
}
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
