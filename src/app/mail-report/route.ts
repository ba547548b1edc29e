import { NextResponse } from "next/server";
import { db } from "@/server/db";
import { fromMailReport } from "@/server/delivery/delivery-event";
import { mailgunEnvelopeSchema, mailReportSchema } from "@/server/delivery/delivery.schema";
import { verifiedSignatureToken } from "@/server/delivery/mailgun-signature";
import { recordDeliveryEvent } from "@/server/delivery/record-delivery-event";
import { parseJsonBody } from "@/server/http/body";
import { errorResponse } from "@/server/http/errors";
import { otherMethods } from "@/server/http/methods";

/**
 * POST /mail-report — a generic delivery report {messageId, recipient, status, reason}.
 * With MAILGUN_WEBHOOK_SIGNING_KEY set it must carry a `signature` signed like Mailgun's webhooks
 * (checked before anything else is read; 401 otherwise); its token is single-use, except that the
 * same report sent again with it is answered as a duplicate. Without the key, anyone may report.
 */
export async function POST(request: Request) {
  try {
    const envelope = await parseJsonBody(request, mailgunEnvelopeSchema);
    const token = verifiedSignatureToken(envelope.signature, new Date());
    const event = fromMailReport(mailReportSchema.parse(envelope), new Date());
    return NextResponse.json(await recordDeliveryEvent(db(), event, token && { ...token, fingerprint: event.providerEventId }));
  } catch (error) {
    return errorResponse(error);
  }
}
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
