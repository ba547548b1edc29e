import { AppError } from "@/server/errors";
import { cleanDisplayName, parseMailbox, parseMailboxList } from "./address";
import type { HelpdeskInboundBody, InboundEmail, InlineAttachment, RpcInboundBody } from "./inbound.schema";
import { normalizeMessageId, parseMessageIdList } from "./message-id";

function sender(raw: string, name: string | null | undefined) {
  const parsed = parseMailbox(raw);
  if (!parsed) throw new AppError("VALIDATION", "Invalid input", { fields: { from: "must be an email address" } });
  // A provider's separate name field gets the same cleaning as a name parsed out of `From`.
  return { email: parsed.email, name: cleanDisplayName(name) || parsed.name };
}

function header(headers: Record<string, string | string[]> | undefined, name: string): string | undefined {
  const entry = Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name);
  const value = entry?.[1];
  return Array.isArray(value) ? value.join(" ") : value;
}

function recipientsOf(to: string, cc: string | null | undefined) {
  return [...new Set([...parseMailboxList(to), ...parseMailboxList(cc)].map((m) => m.email))];
}

export function normalizeRpcInbound(body: RpcInboundBody): InboundEmail {
  return {
    source: "rpc",
    from: sender(body.from, null),
    recipients: recipientsOf(body.to, body.cc),
    recipient: body.to,
    subject: body.subject?.trim() ?? "",
    text: body.text ?? null,
    html: body.html ?? null,
    messageId: normalizeMessageId(body.messageId ?? header(body.headers, "message-id")),
    inReplyTo: parseMessageIdList(body.inReplyTo ?? header(body.headers, "in-reply-to")),
    references: parseMessageIdList(body.references ?? header(body.headers, "references")),
    headers: body.headers ?? {},
    attachments: body.attachments ?? [],
    rawPayload: body,
  };
}

export function normalizeHelpdeskInbound(body: HelpdeskInboundBody, mailboxAddress: string): InboundEmail {
  const from = body.from?.trim() || body.envelope?.from?.trim() || "";
  const envelopeTo = Array.isArray(body.envelope?.to) ? body.envelope.to.join(", ") : body.envelope?.to;
  const to = body.to?.trim() || envelopeTo?.trim() || mailboxAddress;
  return {
    source: "helpdesk",
    from: sender(from, body.from_name),
    recipients: recipientsOf(to, body.cc),
    recipient: to,
    subject: body.subject?.trim() ?? "",
    text: body.text ?? null,
    html: body.html ?? null,
    messageId: normalizeMessageId(body.message_id),
    inReplyTo: parseMessageIdList(body.in_reply_to ?? header(body.headers, "in-reply-to")),
    references: parseMessageIdList(body.references ?? header(body.headers, "references")),
    headers: body.headers ?? {},
    attachments: body.attachments ?? [],
    rawPayload: body,
  };
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
  headers: Record<string, string | string[]>;
  attachments: InlineAttachment[];
  /** Kept in the receive log: the payload without attachment bytes. */
  rawPayload: unknown;
}

/**
 * Provider formats (SendGrid, Mailgun, Postmark, raw MIME). Without a Message-ID the receive log
 * recognises redeliveries by content hash.
 */
export function normalizeParsedInbound(source: string, parsed: ParsedInbound, mailboxAddress: string): InboundEmail {
  const from = parsed.from?.trim();
  if (!from) throw new AppError("VALIDATION", "Invalid input", { fields: { from: "Required" } });
  const to = parsed.to?.trim() || mailboxAddress;
  return {
    source,
    from: sender(from, parsed.fromName),
    recipients: recipientsOf(to, parsed.cc),
    recipient: to,
    subject: parsed.subject?.trim() ?? "",
    text: parsed.text ?? null,
    html: parsed.html ?? null,
    messageId: normalizeMessageId(parsed.messageId || header(parsed.headers, "message-id")),
    inReplyTo: parseMessageIdList(parsed.inReplyTo || header(parsed.headers, "in-reply-to")),
    references: parseMessageIdList(parsed.references || header(parsed.headers, "references")),
    headers: parsed.headers,
    attachments: parsed.attachments,
    rawPayload: parsed.rawPayload,
  };
}
