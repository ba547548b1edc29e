import type { Operation } from "@/server/openapi-operation";
import { mailReportSchema, mailgunEventSchema, mailgunSignatureSchema } from "./delivery.schema";

const answers = {
  200: "{stored: true, duplicate} once linked to a sent email by its Message-ID; {stored: false, reason} for an email we never sent or an event we do not track",
  400: "Body is not JSON",
  422: "Invalid payload (the failing fields are named)",
  500: "Not stored; retry",
};
const mailgunBody = mailgunEventSchema.extend({ signature: mailgunSignatureSchema.optional() });
const reportBody = mailReportSchema.extend({ signature: mailgunSignatureSchema.optional() });

const mailgun = (path: string, event: string): Operation => ({
  method: "post",
  path,
  tag: "Delivery events",
  security: "mailgunSignature",
  summary: `Mailgun event webhook (${event})`,
  description:
    "Mailgun's event JSON. With MAILGUN_WEBHOOK_SIGNING_KEY set, signature.signature must be the HMAC-SHA256 of timestamp + token, the timestamp recent and the token unused. The payload's event decides the type.",
  body: mailgunBody,
  responses: { ...answers, 401: "Signature missing, invalid, stale or replayed (details.reason)" },
});

// Public paths at the site root, as providers are configured with them.
export const deliveryOperations: Operation[] = [
  mailgun("/mg-clicked", "clicked"),
  mailgun("/mg-complained", "complained"),
  mailgun("/mg-delivered", "delivered"),
  mailgun("/mg-opened", "opened"),
  mailgun("/mg-permanent-fail", "failed, severity permanent"),
  mailgun("/mg-temporary-fail", "failed, severity temporary"),
  {
    method: "post",
    path: "/mail-report",
    tag: "Delivery events",
    security: "mailgunSignature",
    summary: "A generic delivery report",
    description:
      "With MAILGUN_WEBHOOK_SIGNING_KEY set, signature is required and signed as Mailgun signs its webhooks: signature.signature the hex HMAC-SHA256 of timestamp + token under the key, the timestamp within 15 minutes, the token unused (the same report sent again with its token is answered as a duplicate). Without the key, reports are accepted unsigned.",
    body: reportBody,
    responses: { ...answers, 401: "With a signing key: signature missing, invalid, stale or replayed (details.reason)" },
  },
];
