import { normalizeMessageId } from "./message-id";

/** One recipient's outcome in a delivery status notification (RFC 3464 §2.3). */
export interface DeliveryReportRecipient {
  /** The address the report is about: Original-Recipient (the address we sent to), else Final-Recipient. */
  recipient: string;
  /** failed, delayed, delivered, relayed or expanded. */
  action: string;
  /** The RFC 3463 status code, e.g. `5.1.1`; a 5.x.x failure is permanent. */
  status: string | null;
  diagnostic: string | null;
}

/** A bounce (or delay) report: the Message-ID of the email it is about, and its recipients. */
export interface DeliveryReport {
  messageId: string;
  recipients: DeliveryReportRecipient[];
}

/** A part of the email as the parser handed it over. */
interface Part {
  contentType: string;
  content: Uint8Array;
}

// RFC 6533's message/global-* forms carry UTF-8 (SMTPUTF8 mail); they read the same way.
const STATUS_TYPES = new Set(["message/delivery-status", "message/global-delivery-status"]);
const ORIGINAL_TYPES = new Set(["text/rfc822-headers", "message/rfc822", "message/global-headers", "message/global"]);
// Enough for any header block; the rest of a returned message is its body.
const HEADER_WINDOW = 64 * 1024;

const mediaType = (contentType: string) => (contentType.split(";")[0] ?? "").trim().toLowerCase();

/** RFC 822-style field blocks (separated by blank lines), each field unfolded, names lower-cased. */
function fieldBlocks(text: string): Map<string, string>[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((block) => {
      const fields = new Map<string, string>();
      for (const line of block.replace(/\n[ \t]+/g, " ").split("\n")) {
        const colon = line.indexOf(":");
        if (colon <= 0) continue;
        const name = line.slice(0, colon).trim().toLowerCase();
        if (!fields.has(name)) fields.set(name, line.slice(colon + 1).trim());
      }
      return fields;
    })
    .filter((fields) => fields.size > 0);
}

/** `rfc822; Jane <jane@x.example>` → `jane@x.example`. */
function address(value: string | undefined): string | null {
  if (!value) return null;
  const typed = value.includes(";") ? value.slice(value.indexOf(";") + 1) : value;
  const bare = (/<([^<>]+)>/.exec(typed)?.[1] ?? typed).trim().toLowerCase();
  return bare.includes("@") ? bare : null;
}

const text = (content: Uint8Array) => Buffer.from(content.buffer, content.byteOffset, Math.min(content.byteLength, HEADER_WINDOW)).toString("utf8");

/**
 * The delivery report a `multipart/report; report-type=delivery-status` email carries (RFC 3462,
 * RFC 3464): the Message-ID in its returned headers (`text/rfc822-headers`) or returned message
 * (`message/rfc822`), and each recipient of its `message/delivery-status` part. Null for any other
 * email, and for a report that does not say which email it is about.
 */
export function readDeliveryReport(contentType: string | undefined, parts: readonly Part[]): DeliveryReport | null {
  if (!contentType || mediaType(contentType) !== "multipart/report") return null;
  if (!/;\s*report-type\s*=\s*"?delivery-status"?/i.test(contentType)) return null;
  const original = parts.find((part) => ORIGINAL_TYPES.has(mediaType(part.contentType)));
  const status = parts.find((part) => STATUS_TYPES.has(mediaType(part.contentType)));
  if (!original || !status) return null;
  const [returnedHeaders] = fieldBlocks(text(original.content).split(/\r?\n[ \t]*\r?\n/)[0] ?? "");
  const messageId = normalizeMessageId(returnedHeaders?.get("message-id"));
  if (!messageId) return null;
  // The first block is about the report itself (Reporting-MTA…); each one after it, a recipient.
  const recipients = fieldBlocks(text(status.content))
    .slice(1)
    .flatMap((fields): DeliveryReportRecipient[] => {
      const recipient = address(fields.get("original-recipient")) ?? address(fields.get("final-recipient"));
      const action = fields.get("action")?.toLowerCase();
      if (!recipient || !action) return [];
      return [
        { recipient, action, status: /\d\.\d{1,3}\.\d{1,3}/.exec(fields.get("status") ?? "")?.[0] ?? null, diagnostic: fields.get("diagnostic-code") ?? null },
      ];
    });
  return { messageId, recipients };
}
