import { z } from "zod";
import type { Operation } from "@/server/openapi-operation";
import { postmarkInboundSchema } from "@/server/inbound/providers/postmark";

const answers = {
  200: "Stored: {success: true, ticketId, messageId}. A redelivery (same Message-ID, or without one the same content within 24 h) answers the first result.",
  400: "Body cannot be parsed as this provider's format",
  401: "Missing or wrong mailbox secret",
  413: "Body too large (25 MiB)",
  422: "Required data missing (the failing fields are named, e.g. from)",
  429: "Not stored: too many emails for this workspace or mailbox secret (RATE_LIMITED); the provider retries after Retry-After seconds",
  500: "Not stored; the provider retries",
  503: "Not stored: the database or the attachment store is briefly unavailable, or a concurrent delivery conflicted (a copy of the email still being processed); the provider retries (Retry-After). Races never answer 4xx",
};
const secret =
  "The mailbox inbound secret selects mailbox and workspace: configure the provider with the URL ending in ?secret=<mailbox secret> (or send X-Inbound-Secret).";
const file = z.string().describe("A file (binary)");

const sendgridForm = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  cc: z.string().optional(),
  subject: z.string().optional(),
  text: z.string().optional(),
  html: z.string().optional(),
  headers: z.string().describe("The raw header block").optional(),
  charsets: z.string().describe('JSON: the charset of each field, e.g. {"subject":"cp850"}').optional(),
  envelope: z.string().optional(),
  "attachment-info": z.string().optional(),
  attachment1: file.optional(),
  email: z.string().describe("Raw mode: the whole RFC 5322 message").optional(),
});

const mailgunForm = z.object({
  from: z.string().optional(),
  sender: z.string().optional(),
  recipient: z.string().optional(),
  subject: z.string().optional(),
  "body-plain": z.string().optional(),
  "body-html": z.string().optional(),
  "Message-Id": z.string().optional(),
  "message-headers": z.string().describe("JSON: [[name, value], …]").optional(),
  "attachment-1": file.optional(),
  "body-mime": z.string().describe("MIME mode: the whole RFC 5322 message").optional(),
  timestamp: z.string().optional(),
  token: z.string().optional(),
  signature: z.string().optional(),
});

const tag = "Inbound email";

export const providerInboundOperations: Operation[] = [
  {
    method: "post",
    path: "/api/inbound/sendgrid",
    tag,
    security: "inboundSecret",
    summary: "Receive an email (SendGrid Inbound Parse)",
    description: `Parsed or raw mode; text fields are decoded from the charsets named in charsets. ${secret}`,
    body: sendgridForm,
    bodyType: "multipart/form-data",
    responses: answers,
  },
  {
    method: "post",
    path: "/api/inbound/mailgun",
    tag,
    security: "inboundSecret",
    summary: "Receive an email (Mailgun route forward)",
    description: `multipart/form-data or application/x-www-form-urlencoded (MIME mode: body-mime). With MAILGUN_WEBHOOK_SIGNING_KEY set, signature must be the HMAC-SHA256 of timestamp + token, at most 9 hours old, and the token unused or used before only for this same email (a retry, answered with the first result); 401 otherwise, details.reason. ${secret}`,
    body: mailgunForm,
    bodyType: "multipart/form-data",
    responses: { ...answers, 401: "Missing or wrong mailbox secret, or (with a signing key) a missing, invalid, stale or replayed signature" },
  },
  {
    method: "post",
    path: "/api/inbound/postmark",
    tag,
    security: "inboundSecret",
    summary: "Receive an email (Postmark inbound webhook)",
    description: `Postmark's inbound JSON. The email's Message-ID is read from Headers (MessageID is Postmark's own id). ${secret}`,
    body: postmarkInboundSchema,
    responses: answers,
  },
  {
    method: "post",
    path: "/api/inbound/mime",
    tag,
    security: "inboundSecret",
    summary: "Receive an email (raw RFC 5322 message)",
    description: `The whole message as sent, parsed with a MIME parser. ${secret}`,
    body: z.string().describe("The raw message"),
    bodyType: "message/rfc822",
    responses: answers,
  },
];
