import { NextResponse } from "next/server";
import { db } from "@/server/db";
import { readBodyBytes } from "@/server/http/body";
import { inboundErrorResponse } from "@/server/http/inbound-errors";
import { kickJobWorker } from "@/server/jobs/worker";
import { inboundSecretOf, mailboxForSecret } from "./inbound-secret";
import { ingestInboundEmail } from "./ingest";
import { INBOUND_MAX_BYTES } from "./limits";
import { normalizeParsedInbound, type ParsedInbound } from "./normalize";

export type ProviderParser = (body: Uint8Array, contentType: string) => Promise<ParsedInbound>;

/**
 * The handler of one provider-native inbound route (SPEC §2.3): the mailbox secret (header or
 * `?secret=`) selects mailbox and workspace (401 otherwise), the body is read within the size limit
 * (413), the provider's parser reads its format (400 unparseable, 422 missing fields), and the one
 * ingest service stores it. Anything that fails to persist answers 5xx, so the provider retries
 * (SendGrid and Mailgun drop mail on some 4xx answers).
 */
export function providerInboundRoute(source: string, parse: ProviderParser) {
  return async (request: Request): Promise<Response> => {
    try {
      const database = db();
      const mailbox = await mailboxForSecret(database, inboundSecretOf(request));
      const body = await readBodyBytes(request, INBOUND_MAX_BYTES);
      const parsed = await parse(body, request.headers.get("content-type") ?? "");
      const email = normalizeParsedInbound(source, parsed, mailbox.address);
      const workspace = await database.workspace.findUniqueOrThrow({ where: { id: mailbox.workspaceId } });
      const result = await ingestInboundEmail(database, { workspace, mailbox }, email);
      kickJobWorker(database);
      return NextResponse.json({ success: true, ticketId: result.ticketId, messageId: result.messageId });
    } catch (error) {
      return inboundErrorResponse(error);
    }
  };
}
