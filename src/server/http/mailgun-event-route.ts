import { NextResponse } from "next/server";
import type { DeliveryEventType } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { fromMailgunEvent } from "@/server/delivery/delivery-event";
import { mailgunEnvelopeSchema, mailgunEventSchema } from "@/server/delivery/delivery.schema";
import { verifiedSignatureToken } from "@/server/delivery/mailgun-signature";
import { recordDeliveryEvent } from "@/server/delivery/record-delivery-event";
import { parseJsonBody } from "./body";
import { errorResponse } from "./errors";

/**
 * The handler of one `/mg-<event>` webhook. With MAILGUN_WEBHOOK_SIGNING_KEY set, the
 * signature is checked before anything else is read (401 when missing, wrong, stale or replayed).
 * Without it every request is accepted: fine for development, but production must set the key, or
 * anyone can post events (and put addresses on the suppression list). Events we do not track are
 * answered 200, as are emails we never sent, so that Mailgun does not retry them.
 */
export function mailgunEventRoute(pathType: DeliveryEventType) {
  return async (request: Request): Promise<Response> => {
    try {
      const envelope = await parseJsonBody(request, mailgunEnvelopeSchema);
      const replayToken = verifiedSignatureToken(envelope.signature, new Date());
      const event = fromMailgunEvent(mailgunEventSchema.parse(envelope), pathType);
      if (!event) return NextResponse.json({ stored: false, reason: "unsupported event" });
      return NextResponse.json(await recordDeliveryEvent(db(), event, replayToken));
    } catch (error) {
      return errorResponse(error);
    }
  };
}
