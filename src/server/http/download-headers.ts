import { storedContentType } from "@/server/attachments/content-type";
import { UNSAFE_TEXT } from "./unsafe-text";

const UNSAFE_TEXT_ALL = new RegExp(UNSAFE_TEXT.source, "g");

/**
 * The headers of a stored file's download, built only from sanitized values: a stored content type
 * that is not a plain MIME type (CR/LF, control or non-ASCII characters, from a sender's mail)
 * becomes application/octet-stream, and the file name is percent-encoded (RFC 6266), so neither
 * can add a header or fail the answer.
 */
export function downloadHeaders(file: { filename: string; contentType: string }): Record<string, string> {
  const filename = file.filename.replace(UNSAFE_TEXT_ALL, "\uFFFD");
  return {
    "Content-Type": storedContentType(file.contentType),
    // Always a download: a stored HTML or SVG file must never render on the app's origin.
    "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
  };
}
