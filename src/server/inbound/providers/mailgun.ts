import { z } from "zod";
import type { MailgunSignature } from "@/server/delivery/delivery.schema";
import { verifyMailgunSignature } from "@/server/delivery/mailgun-signature";
import { AppError } from "@/server/errors";
import type { ParsedInbound } from "../normalize";
import { headersFromPairs, inlineAttachment, type RawHeaders } from "./headers";
import { parseMimeMessage } from "./mime";
import { decodeText, parseMultipart } from "./multipart";

const messageHeadersSchema = z.array(z.tuple([z.string(), z.string()]));

export interface MailgunInbound {
  email: ParsedInbound;
  /** The route's `timestamp`/`token`/`signature` fields, when all three were posted. */
  signature: MailgunSignature | undefined;
}

function formFields(body: Uint8Array, contentType: string) {
  if (/^application\/x-www-form-urlencoded/i.test(contentType)) {
    return { fields: [...new URLSearchParams(decodeText(body, "utf-8"))], files: [] };
  }
  if (!/^multipart\/form-data/i.test(contentType)) throw new AppError("BAD_REQUEST", "Mailgun posts multipart/form-data or application/x-www-form-urlencoded");
  const parts = parseMultipart(body, contentType);
  return {
    fields: parts.filter((part) => part.filename === null).map((part) => [part.name, decodeText(part.data, "utf-8")] as [string, string]),
    files: parts.filter((part) => part.filename !== null),
  };
}

function messageHeaders(value: string | undefined): RawHeaders {
  if (value === undefined) return {};
  let pairs: unknown;
  try {
    pairs = JSON.parse(value);
  } catch {
    throw new AppError("BAD_REQUEST", "message-headers is not JSON");
  }
  const parsed = messageHeadersSchema.safeParse(pairs);
  if (!parsed.success) throw new AppError("VALIDATION", "Invalid input", { fields: { "message-headers": "must be a list of [name, value] pairs" } });
  return headersFromPairs(parsed.data);
}

/**
 * A Mailgun route's `forward()` POST: parsed fields (`body-plain`, `message-headers`, `attachment-N`
 * files), or the whole message in `body-mime` when the route URL asks for MIME.
 */
export async function parseMailgunInbound(body: Uint8Array, contentType: string): Promise<MailgunInbound> {
  const { fields, files } = formFields(body, contentType);
  const field = (name: string) => fields.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
  const [timestamp, token, signature] = [field("timestamp"), field("token"), field("signature")];
  const rawPayload = {
    format: "mailgun",
    ...Object.fromEntries(fields.filter(([name]) => name !== "body-mime")),
    files: files.map((file) => ({ name: file.name, filename: file.filename, size: file.data.byteLength })),
  };
  const mime = field("body-mime");
  const parsed: ParsedInbound = mime
    ? await parseMimeMessage(mime)
    : {
        from: field("from") ?? field("sender"),
        to: field("To") ?? field("recipient"),
        cc: field("Cc"),
        subject: field("subject"),
        text: field("body-plain"),
        html: field("body-html"),
        messageId: field("Message-Id"),
        inReplyTo: field("In-Reply-To"),
        references: field("References"),
        headers: messageHeaders(field("message-headers")),
        attachments: files.filter((file) => /^attachment-\d+$/.test(file.name)).map((file) => inlineAttachment(file.filename, file.contentType, file.data)),
        rawPayload,
      };
  return {
    email: { ...parsed, from: parsed.from || field("sender"), to: parsed.to || field("recipient"), rawPayload },
    signature: timestamp && token && signature ? { timestamp, token, signature } : undefined,
  };
}

// Mailgun retries a route's POST for up to 8 hours; a retry carrying the first signature must still
// pass. A replayed capture gains nothing: the same Message-ID gets the first result.
const ROUTE_SIGNATURE_MAX_AGE_SECONDS = 9 * 60 * 60;

/** The route's signature fields under the webhook signing key (401 when missing, wrong or too old). */
export function verifyMailgunRoute(key: string, signature: MailgunSignature | undefined, now: Date): void {
  verifyMailgunSignature(key, signature, now, ROUTE_SIGNATURE_MAX_AGE_SECONDS);
}
