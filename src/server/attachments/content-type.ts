// type/subtype, then parameters of printable ASCII only: no CR, LF or other control character.
const MIME_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(?:;[\x20-\x7e]*)?$/i;

/** Longest content type we keep; real ones with a charset and a name are far shorter. */
const MAX_CONTENT_TYPE_LENGTH = 255;

/**
 * A content type (from a sender's mail or a remote server) if it is a plain MIME type, else null:
 * one holding CR/LF, control or non-ASCII characters could add a header where it is sent back.
 */
export function plainContentType(raw: string | null | undefined): string | null {
  const contentType = raw?.trim() ?? "";
  return contentType.length <= MAX_CONTENT_TYPE_LENGTH && MIME_TYPE.test(contentType) ? contentType : null;
}

/** The content type an attachment is stored with: a plain MIME type, or application/octet-stream. */
export const storedContentType = (raw: string | null | undefined): string => plainContentType(raw) ?? "application/octet-stream";
