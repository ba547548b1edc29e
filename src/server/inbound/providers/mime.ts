import type { Address } from "postal-mime";
import { AppError } from "@/server/errors";
import type { ParsedInbound } from "../normalize";
import { MAX_MIME_DEPTH, MAX_MIME_PARTS } from "../limits";
import { headersFromPairs, inlineAttachment } from "./headers";
import { MimeParseError, parseMimeInWorker } from "./mime-parser";

const BOUNDARY_PARAM = /boundary\s*=\s*(?:"([^"\r\n]+)"|([^\s;"]+))/gi;
const DELIMITER_LINE = /^--([^\r\n]*)/gm;

/**
 * The parts of a MIME message, counted in one pass over its text (the lines that open a part of a
 * declared boundary), so an email of thousands of parts is refused before a parser spends seconds on it.
 */
export function countMimeParts(text: string): number {
  const boundaries = new Set<string>();
  for (const match of text.matchAll(BOUNDARY_PARAM)) {
    boundaries.add((match[1] ?? match[2])!);
    if (boundaries.size > MAX_MIME_PARTS) return boundaries.size;
  }
  let parts = boundaries.size === 0 ? 1 : 0;
  for (const match of text.matchAll(DELIMITER_LINE)) if (boundaries.has(match[1]!.trimEnd())) parts += 1;
  return parts;
}

const tooComplex = (problem: string) => new AppError("VALIDATION", "Invalid input", { fields: { body: problem } });

function addresses(list: Address[] | undefined): string {
  return (list ?? [])
    .flatMap((entry) => (entry.group ? entry.group : [entry]))
    .map((mailbox) => mailbox.address)
    .filter(Boolean)
    .join(", ");
}

/**
 * A raw RFC 5322 message (POST /api/inbound/mime, SendGrid's raw mode, Mailgun's MIME mode), read
 * with postal-mime in a worker thread: decoded headers, bodies in their charsets, every attachment
 * part's bytes.
 */
export async function parseMimeMessage(raw: Uint8Array | string): Promise<ParsedInbound> {
  const text = typeof raw === "string" ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString("latin1");
  // Anything is "parseable" as MIME; a message without a single header line is not an email.
  if (!/^[!-9;-~]+:/m.test(text.slice(0, 16_384))) throw new AppError("BAD_REQUEST", "The body is not an RFC 5322 message");
  if (countMimeParts(text) > MAX_MIME_PARTS) throw tooComplex(`more than ${MAX_MIME_PARTS} MIME parts`);
  let email;
  try {
    email = await parseMimeInWorker(typeof raw === "string" ? Buffer.from(raw) : raw, { maxNestingDepth: MAX_MIME_DEPTH });
  } catch (error) {
    if (!(error instanceof MimeParseError)) throw error;
    if (/nesting depth/i.test(error.message)) throw tooComplex(`MIME parts nested more than ${MAX_MIME_DEPTH} deep`);
    throw new AppError("BAD_REQUEST", `The message cannot be parsed: ${error.message}`);
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
      inlineAttachment(a.filename, a.mimeType, typeof a.content === "string" ? Buffer.from(a.content) : new Uint8Array(a.content), a.contentId),
    ),
    rawPayload: { format: "mime", size: text.length, attachments: email.attachments.map((a) => ({ filename: a.filename, contentType: a.mimeType })) },
  };
}
