import { AppError } from "@/server/errors";
import { MAX_MIME_PARTS } from "../limits";

export interface FormPart {
  name: string;
  filename: string | null;
  contentType: string | null;
  /** The part's bytes as sent: text fields may be in any charset (SendGrid), so nothing is decoded here. */
  data: Uint8Array;
}

const unparseable = (why: string) => new AppError("BAD_REQUEST", `The multipart/form-data body cannot be parsed: ${why}`);

function indexOf(haystack: Buffer, needle: Buffer, from: number) {
  return haystack.indexOf(needle, from);
}

function parseDisposition(value: string) {
  const param = (key: string) =>
    new RegExp(`(?:^|;)\\s*${key}="((?:[^"\\\\]|\\\\.)*)"`, "i").exec(value)?.[1] ?? new RegExp(`(?:^|;)\\s*${key}=([^;\\s]+)`, "i").exec(value)?.[1];
  return { name: param("name"), filename: param("filename") };
}

/**
 * Reads a multipart/form-data body into its parts, keeping each part's raw bytes. Web `formData()`
 * decodes every text field as UTF-8, which garbles SendGrid's fields in other charsets. Accepts
 * CRLF and bare LF line ends.
 */
export function parseMultipart(body: Uint8Array, contentType: string): FormPart[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) throw unparseable("no boundary in Content-Type");
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const delimiter = Buffer.from(`--${marker}`);
  let position = indexOf(buffer, delimiter, 0);
  if (position === -1) throw unparseable("boundary not found");
  const parts: FormPart[] = [];
  for (;;) {
    if (parts.length > MAX_MIME_PARTS) throw new AppError("VALIDATION", "Invalid input", { fields: { body: `more than ${MAX_MIME_PARTS} form parts` } });
    position += delimiter.length;
    if (buffer.subarray(position, position + 2).toString() === "--") return parts;
    const headerEnd = /\r?\n\r?\n/.exec(buffer.subarray(position, Math.min(buffer.length, position + 16_384)).toString("latin1"));
    if (!headerEnd) throw unparseable("part headers do not end");
    const headerText = buffer.subarray(position, position + headerEnd.index).toString("utf8");
    const start = position + headerEnd.index + headerEnd[0].length;
    const next = indexOf(buffer, delimiter, start);
    if (next === -1) throw unparseable("closing boundary missing");
    // The line break before the next delimiter belongs to the delimiter.
    let end = next;
    if (buffer[end - 1] === 0x0a) end -= buffer[end - 2] === 0x0d ? 2 : 1;
    const headers = new Map(
      headerText
        .split(/\r?\n/)
        .filter((line) => line.includes(":"))
        .map((line) => [line.slice(0, line.indexOf(":")).trim().toLowerCase(), line.slice(line.indexOf(":") + 1).trim()] as const),
    );
    const disposition = parseDisposition(headers.get("content-disposition") ?? "");
    if (disposition.name !== undefined) {
      parts.push({
        name: disposition.name,
        filename: disposition.filename ?? null,
        contentType: headers.get("content-type") ?? null,
        data: new Uint8Array(buffer.subarray(start, Math.max(start, end))),
      });
    }
    position = next;
  }
}
