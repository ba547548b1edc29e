import PostalMime, { type Address } from "postal-mime";
import { AppError } from "@/server/errors";
import type { ParsedInbound } from "../normalize";
import { headersFromPairs, inlineAttachment } from "./headers";

function addresses(list: Address[] | undefined): string {
  return (list ?? []).flatMap((entry) => (entry.group ? entry.group : [entry])).map((mailbox) => mailbox.address).filter(Boolean).join(", ");
}

/**
 * A raw RFC 5322 message (POST /api/inbound/mime, SendGrid's raw mode, Mailgun's MIME mode), read
 * with postal-mime: decoded headers, bodies in their charsets, every attachment part's bytes.
 */
export async function parseMimeMessage(raw: Uint8Array | string): Promise<ParsedInbound> {
  const text = typeof raw === "string" ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString("latin1");
  // Anything is "parseable" as MIME; a message without a single header line is not an email.
  if (!/^[!-9;-~]+:/m.test(text.slice(0, 16_384))) throw new AppError("BAD_REQUEST", "The body is not an RFC 5322 message");
  let email;
  try {
    email = await PostalMime.parse(raw, { attachmentEncoding: "arraybuffer" });
  } catch (error) {
    throw new AppError("BAD_REQUEST", `The message cannot be parsed: ${error instanceof Error ? error.message : String(error)}`);
  }
  // The raw From value(s) go through our own strict parser (see address.ts), like every other route's.
  const from = email.headers.filter((h) => h.key === "from").map((h) => h.value);
  return {
    from: from.join(", "),
    to: addresses(email.to),
    cc: addresses(email.cc),
    subject: email.subject,
    text: email.text,
    html: email.html,
    messageId: email.messageId,
    inReplyTo: email.inReplyTo,
    references: email.references,
    headers: headersFromPairs(email.headers.map((h) => [h.key, h.value] as const)),
    attachments: email.attachments.map((a) =>
      inlineAttachment(a.filename, a.mimeType, typeof a.content === "string" ? Buffer.from(a.content) : new Uint8Array(a.content)),
    ),
    rawPayload: { format: "mime", size: text.length, attachments: email.attachments.map((a) => ({ filename: a.filename, contentType: a.mimeType })) },
  };
}
