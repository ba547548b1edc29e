import { z } from "zod";
import { AppError } from "@/server/errors";
import type { ParsedInbound } from "../normalize";
import { headersFromBlock, inlineAttachment } from "./headers";
import { parseMimeMessage } from "./mime";
import { decodeCharset } from "@/server/email/charset.mjs";
import { parseMultipart, type FormPart } from "./multipart";

const charsetsSchema = z.record(z.string(), z.string()).catch({});
const envelopeSchema = z
  .object({ from: z.string().nullish(), to: z.array(z.string()).nullish() })
  .partial()
  .catch({});
const attachmentInfoSchema = z.record(z.string(), z.object({ filename: z.string(), name: z.string(), type: z.string() }).partial().loose()).catch({});
/** `content-ids`: Content-ID → the `attachmentN` field of its inline image. */
const contentIdsSchema = z.record(z.string(), z.string()).catch({});

function json(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * SendGrid Inbound Parse (multipart/form-data). Parsed mode posts the fields in the charsets its
 * `charsets` field names, so each is decoded from its bytes; raw mode posts the whole message in
 * `email`, read as MIME. Attachments come as `attachment1..N` files described by `attachment-info`.
 */
export async function parseSendgridInbound(body: Uint8Array, contentType: string): Promise<ParsedInbound> {
  if (!/^multipart\/form-data/i.test(contentType)) throw new AppError("BAD_REQUEST", "SendGrid posts multipart/form-data");
  const parts = parseMultipart(body, contentType);
  const textParts = parts.filter((part) => part.filename === null);
  const raw = (name: string) => textParts.find((part) => part.name === name);
  const charsets = charsetsSchema.parse(json(raw("charsets") && decodeCharset(raw("charsets")!.data, "utf-8")));
  const field = (name: string) => {
    const part = raw(name);
    return part && decodeCharset(part.data, charsets[name]);
  };
  const envelope = envelopeSchema.parse(json(field("envelope")));
  const rawPayload = {
    format: "sendgrid",
    ...Object.fromEntries(textParts.filter((part) => part.name !== "email").map((part) => [part.name, field(part.name)])),
    files: parts.filter((part) => part.filename !== null).map((part) => ({ name: part.name, filename: part.filename, size: part.data.byteLength })),
  };

  const email = raw("email");
  if (email) {
    const parsed = await parseMimeMessage(email.data);
    return { ...parsed, from: parsed.from || envelope.from, to: parsed.to || envelope.to?.join(", "), rawPayload };
  }
  return {
    from: field("from") || envelope.from,
    to: field("to") || envelope.to?.join(", "),
    cc: field("cc"),
    subject: field("subject"),
    text: field("text"),
    html: field("html"),
    headers: headersFromBlock(field("headers") ?? ""),
    attachments: attachmentsOf(parts, attachmentInfoSchema.parse(json(field("attachment-info"))), contentIdsSchema.parse(json(field("content-ids")))),
    rawPayload,
  };
}

function attachmentsOf(parts: FormPart[], info: z.infer<typeof attachmentInfoSchema>, contentIds: Record<string, string>) {
  const contentIdOf = new Map(Object.entries(contentIds).map(([contentId, name]) => [name, contentId]));
  return parts
    .filter((part) => part.filename !== null && /^attachment\d+$/.test(part.name))
    .map((part) => {
      const described = info[part.name];
      return inlineAttachment(
        described?.filename ?? described?.name ?? part.filename,
        described?.type ?? part.contentType,
        part.data,
        contentIdOf.get(part.name),
      );
    });
}
