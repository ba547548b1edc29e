import { createHash } from "node:crypto";
import { z } from "zod";
import type { MailgunSignature } from "@/server/delivery/delivery.schema";
import { ROUTE_MAX_AGE_SECONDS, verifiedSignatureToken } from "@/server/delivery/mailgun-signature";
import { claimReplayToken } from "@/server/delivery/replay-guard";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { ParsedInbound } from "../normalize";
import { headersFromPairs, inlineAttachment, type RawHeaders } from "./headers";
import { parseMimeMessage } from "./mime";
import { decodeCharset } from "@/server/email/charset.mjs";
import { parseMultipart } from "./multipart";

const messageHeadersSchema = z.array(z.tuple([z.string(), z.string()]));
/** `content-id-map`: "<Content-ID>" → the `attachment-N` field of its inline image. */
const contentIdMapSchema = z.record(z.string(), z.string()).catch({});

function contentIdsByField(value: string | undefined): Map<string, string> {
  let map: unknown;
  try {
    map = JSON.parse(value ?? "{}");
  } catch {
    map = {};
  }
  return new Map(Object.entries(contentIdMapSchema.parse(map)).map(([contentId, name]) => [name, contentId]));
}

export interface MailgunInbound {
  email: ParsedInbound;
  /** The route's `timestamp`/`token`/`signature` fields, when all three were posted. */
  signature: MailgunSignature | undefined;
}

function formFields(body: Uint8Array, contentType: string) {
  if (/^application\/x-www-form-urlencoded/i.test(contentType)) {
    return { fields: [...new URLSearchParams(decodeCharset(body, "utf-8"))], files: [] };
  }
  if (!/^multipart\/form-data/i.test(contentType)) throw new AppError("BAD_REQUEST", "Mailgun posts multipart/form-data or application/x-www-form-urlencoded");
  const parts = parseMultipart(body, contentType);
  return {
    fields: parts.filter((part) => part.filename === null).map((part) => [part.name, decodeCharset(part.data, "utf-8")] as [string, string]),
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
  const contentIds = contentIdsByField(field("content-id-map"));
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
        attachments: files
          .filter((file) => /^attachment-\d+$/.test(file.name))
          .map((file) => inlineAttachment(file.filename, file.contentType, file.data, contentIds.get(file.name))),
        rawPayload,
      };
  return {
    email: { ...parsed, from: parsed.from || field("sender"), to: parsed.to || field("recipient"), rawPayload },
    signature: timestamp && token && signature ? { timestamp, token, signature } : undefined,
  };
}

/**
 * What stays the same across Mailgun's retries of one route POST, whatever the form's encoding:
 * the email's fields and attachment bytes.
 */
export function mailgunRouteFingerprint(email: ParsedInbound): string {
  const { from, fromName, to, cc, subject, text, html, messageId, inReplyTo, references, attachments } = email;
  const hash = createHash("sha256").update(
    JSON.stringify([
      from,
      fromName,
      to,
      cc,
      subject,
      text,
      html,
      messageId,
      inReplyTo,
      references,
      attachments.map((a) => [a.filename, a.contentType, a.content.byteLength]),
    ]),
  );
  for (const attachment of attachments) hash.update(attachment.content);
  return hash.digest("hex");
}

/**
 * With the signing key set, the route's signature must verify (401) and its token be unused, or
 * used before for this same email: Mailgun's retry of it passes and the receive log answers the
 * first result, while a captured signature replayed with another email is refused (401).
 */
export async function authenticateMailgunRoute(db: Db, inbound: MailgunInbound, now: Date): Promise<void> {
  const token = verifiedSignatureToken(inbound.signature, now, ROUTE_MAX_AGE_SECONDS);
  if (token) await claimReplayToken(db, { ...token, fingerprint: mailgunRouteFingerprint(inbound.email) });
}
