import { AppError } from "@/server/errors";
import { storableDeep } from "@/server/email/storable-text";
import { cleanDisplayName, parseMailbox, parseMailboxList } from "@/server/email/address";
import type { HelpdeskInboundBody, InboundAttachment, InboundEmail, InlineAttachment, RpcInboundBody } from "./inbound.schema";
import { MAX_ATTACHMENTS, MAX_HEADER_CHARS, MAX_HEADER_FIELDS, MAX_IN_REPLY_TO, MAX_RECIPIENTS, MAX_SUBJECT_LENGTH } from "./limits";
import { headerChars, keptHeaders, loggedPayload } from "./logged-payload";
import { withinBodyLimit } from "./long-bodies";
import { readDeliveryReport } from "@/server/email/delivery-report";
import { firstMessageIds, lastMessageIds, MAX_MESSAGE_ID_BYTES, MAX_REFERENCES, normalizeMessageId } from "@/server/email/message-id";

type HeaderValues = Record<string, string | string[]>;

/** How a route's request names the fields a refusal points at. */
interface FieldNames {
  from: string;
  to: string;
  subject: string;
  messageId: string;
  headers: string;
  attachments: string;
}

const refuse = (field: string, problem: string) => new AppError("VALIDATION", "Invalid input", { fields: { [field]: problem } });

/** What every route reads out of its format, before the common rules apply. Strings are storable. */
interface EmailParts {
  from: string;
  fromName?: string | null;
  to: string;
  cc?: string | null;
  subject?: string | null;
  text?: string | null;
  html?: string | null;
  /** Raw values; each falls back to the header of the same name. */
  messageId?: string | null;
  inReplyTo?: string | string[] | null;
  references?: string | string[] | null;
  headers?: HeaderValues;
  attachments?: InboundAttachment[];
  rawPayload: unknown;
}

/**
 * Header name → value(s) in a map without a prototype, so a header named `constructor` or
 * `__proto__` is data like any other.
 */
function headerMap(headers: HeaderValues | undefined): HeaderValues {
  const map = Object.create(null) as HeaderValues;
  for (const [name, value] of Object.entries(headers ?? {})) map[name] = value;
  return map;
}

function header(headers: HeaderValues, name: string): string | undefined {
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  const value = entry?.[1];
  return Array.isArray(value) ? value.join(" ") : value;
}

const headerFieldCount = (headers: HeaderValues) => Object.values(headers).reduce((count, value) => count + (Array.isArray(value) ? value.length : 1), 0);

/**
 * The one shape every inbound route hands to ingest. Limits are checked here, before anything is
 * written: an email over one is refused with the field named (422). A References list longer than
 * MAX_REFERENCES keeps its last ids (In-Reply-To its first MAX_IN_REPLY_TO), and only those stay in
 * its headers; the logged copy of the request cuts long strings (see logged-payload.ts). A body
 * longer than MAX_BODY_CHARS is cut and attached whole (see long-bodies.ts).
 */
function inboundEmail(source: string, parts: EmailParts, fields: FieldNames): InboundEmail {
  const received = headerMap(parts.headers);
  if (headerFieldCount(received) > MAX_HEADER_FIELDS) throw refuse(fields.headers, `more than ${MAX_HEADER_FIELDS} header fields`);
  const attachments = parts.attachments ?? [];
  if (attachments.length > MAX_ATTACHMENTS) throw refuse(fields.attachments, `more than ${MAX_ATTACHMENTS} attachments`);
  // A bounce names the email it is about in its returned headers: as its In-Reply-To, it threads
  // onto that email's ticket like any reply.
  const deliveryReport = readDeliveryReport(
    header(received, "content-type"),
    attachments.filter((a) => "content" in a),
  );
  const declared = firstMessageIds(parts.inReplyTo || header(received, "in-reply-to"), MAX_IN_REPLY_TO);
  const inReplyTo = deliveryReport ? [...new Set([deliveryReport.messageId, ...declared])].slice(0, MAX_IN_REPLY_TO) : declared;
  const references = lastMessageIds(parts.references || header(received, "references"), MAX_REFERENCES);
  const headers = keptHeaders(received, { references, inReplyTo });
  if (headerChars(headers) > MAX_HEADER_CHARS) throw refuse(fields.headers, `larger than ${MAX_HEADER_CHARS / 1024 / 1024} MB`);
  const subject = parts.subject?.trim() ?? "";
  if (subject.length > MAX_SUBJECT_LENGTH) throw refuse(fields.subject, `longer than ${MAX_SUBJECT_LENGTH} characters`);
  const messageId = normalizeMessageId(parts.messageId || header(headers, "message-id"));
  if (messageId !== null && Buffer.byteLength(messageId) > MAX_MESSAGE_ID_BYTES) throw refuse(fields.messageId, `longer than ${MAX_MESSAGE_ID_BYTES} bytes`);
  const recipients = recipientsOf(parts.to, parts.cc, fields.to);

  const parsed = parseMailbox(parts.from);
  if (!parsed) throw refuse(fields.from, "must be an email address");
  const bodies = withinBodyLimit({ text: parts.text ?? null, html: parts.html ?? null });
  return {
    source,
    // A provider's separate name field gets the same cleaning as a name parsed out of `From`.
    from: { email: parsed.email, name: cleanDisplayName(parts.fromName) || parsed.name },
    recipients,
    recipient: parts.to,
    subject,
    text: bodies.text,
    html: bodies.html,
    messageId,
    inReplyTo,
    references,
    headers,
    attachments: [...attachments, ...bodies.wholeBodies],
    rawPayload: loggedPayload(parts.rawPayload, bodies),
    deliveryReport,
  };
}

function recipientsOf(to: string, cc: string | null | undefined, field: string) {
  const emails = [...new Set([...parseMailboxList(to), ...parseMailboxList(cc)].map((m) => m.email))];
  if (emails.length > MAX_RECIPIENTS) throw refuse(field, `more than ${MAX_RECIPIENTS} addresses in To and Cc`);
  return emails;
}

const JSON_FIELDS = { from: "from", to: "to", subject: "subject", headers: "headers", attachments: "attachments" };

export function normalizeRpcInbound(raw: RpcInboundBody): InboundEmail {
  const body = storableDeep(raw);
  return inboundEmail("rpc", { ...body, rawPayload: body }, { ...JSON_FIELDS, messageId: "messageId" });
}

export function normalizeHelpdeskInbound(raw: HelpdeskInboundBody, mailboxAddress: string): InboundEmail {
  const body = storableDeep(raw);
  const from = body.from?.trim() || body.envelope?.from?.trim() || "";
  const envelopeTo = Array.isArray(body.envelope?.to) ? body.envelope.to.join(", ") : body.envelope?.to;
  const to = body.to?.trim() || envelopeTo?.trim() || mailboxAddress;
  return inboundEmail(
    "helpdesk",
    { ...body, from, fromName: body.from_name, to, messageId: body.message_id, inReplyTo: body.in_reply_to, rawPayload: body },
    { ...JSON_FIELDS, messageId: "message_id" },
  );
}

/** What a provider parser (providers/*.ts) reads out of its format, before the common rules apply. */
export interface ParsedInbound {
  /** `Name <addr>` or a bare address; missing → 422. */
  from: string | null | undefined;
  fromName?: string | null;
  to: string | null | undefined;
  cc?: string | null;
  subject?: string | null;
  text?: string | null;
  html?: string | null;
  /** Raw values; each falls back to the header of the same name. */
  messageId?: string | null;
  inReplyTo?: string | null;
  references?: string | null;
  headers: HeaderValues;
  attachments: InlineAttachment[];
  /** Kept in the receive log: the payload without attachment bytes. */
  rawPayload: unknown;
}

/**
 * Provider formats (SendGrid, Mailgun, Postmark, raw MIME). Without a Message-ID the receive log
 * recognises redeliveries by content hash.
 */
export function normalizeParsedInbound(source: string, raw: ParsedInbound, mailboxAddress: string): InboundEmail {
  const parsed = storableDeep(raw);
  const from = parsed.from?.trim();
  if (!from) throw refuse("from", "Required");
  const to = parsed.to?.trim() || mailboxAddress;
  return inboundEmail(
    source,
    { ...parsed, from, to },
    { from: "from", to: "to", subject: "subject", messageId: "Message-ID", headers: "headers", attachments: "attachments" },
  );
}
