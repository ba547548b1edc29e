import type { InlineAttachment } from "../inbound.schema";

export type RawHeaders = Record<string, string | string[]>;

/**
 * Header name → value (or values, in order, when repeated), names lower-cased, in a map without a
 * prototype: a header named `Constructor` must not find Object's `constructor`.
 */
export function headersFromPairs(pairs: Iterable<readonly [string, string]>): RawHeaders {
  const headers = Object.create(null) as RawHeaders;
  for (const [rawName, value] of pairs) {
    const name = rawName.trim().toLowerCase();
    if (name === "") continue;
    const earlier = headers[name];
    headers[name] = earlier === undefined ? value : [...(Array.isArray(earlier) ? earlier : [earlier]), value];
  }
  return headers;
}

/** A raw RFC 5322 header block (folded lines joined), as SendGrid posts it in `headers`. */
export function headersFromBlock(block: string): RawHeaders {
  const pairs: [string, string][] = [];
  for (const line of block.split(/\r?\n/)) {
    const last = pairs.at(-1);
    if (/^[ \t]/.test(line) && last) last[1] += ` ${line.trim()}`;
    else if (line.includes(":")) pairs.push([line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1).trim()]);
  }
  return headersFromPairs(pairs);
}

/** A Content-ID as `cid:` URLs name it: without its angle brackets (RFC 2392), null when absent. */
export function bareContentId(contentId: string | null | undefined): string | null {
  const bare = contentId
    ?.trim()
    .replace(/^<([^>]*)>$/, "$1")
    .trim();
  return bare ? bare.slice(0, 255) : null;
}

/** An inline attachment with a usable name and type, and its Content-ID when the email gave one. */
export function inlineAttachment(
  filename: string | null | undefined,
  contentType: string | null | undefined,
  content: Uint8Array,
  contentId?: string | null,
): InlineAttachment {
  return {
    filename: filename?.trim().slice(0, 255) || "attachment",
    contentType: contentType?.trim().slice(0, 255) || "application/octet-stream",
    content,
    contentId: bareContentId(contentId),
  };
}
