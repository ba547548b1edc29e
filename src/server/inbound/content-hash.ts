import { createHash } from "node:crypto";
import { parseMailboxList } from "@/server/email/address";

export type ContentHashInput = {
  from: string;
  to: string;
  subject?: string | null;
  text?: string | null;
  html?: string | null;
};

// Providers may re-encode a redelivery: display names, recipient order and line endings can change.
function normalizeAddresses(raw: string): string {
  const emails = parseMailboxList(raw).map((mailbox) => mailbox.email);
  return emails.length > 0 ? emails.sort().join(",") : raw.trim().toLowerCase();
}

function normalizeBody(body: string | null | undefined): string {
  return (body ?? "")
    .replace(/\r\n?/g, "\n")
    .replace(/[^\S\n]+$/gm, "")
    .trimEnd();
}

/** SHA-256 (hex) of the normalized message, to recognise redeliveries of mail without a Message-ID. */
export function inboundContentHash(input: ContentHashInput): string {
  // A JSON array keeps field boundaries unambiguous ("a" + "bc" ≠ "ab" + "c").
  const canonical = JSON.stringify([
    normalizeAddresses(input.from),
    normalizeAddresses(input.to),
    (input.subject ?? "").trim(),
    normalizeBody(input.text),
    normalizeBody(input.html),
  ]);
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}
