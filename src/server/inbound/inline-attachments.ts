import { newAttachmentKey } from "@/server/attachments/attachment-keys";
import { attachmentStore } from "@/server/attachments/attachment-store";
import { DEFAULT_ATTACHMENT_LIMITS } from "@/server/attachments/download";
import { unavailable } from "@/server/errors";
import type { InboundAttachment, RemoteAttachment } from "./inbound.schema";

interface Described {
  filename: string;
  contentType: string;
  size: number;
}

/** An email's attachment ready to become a row: to download, already stored, or failed. */
export type PreparedAttachment =
  | { kind: "remote"; attachment: RemoteAttachment }
  | ({ kind: "stored"; storageKey: string } & Described)
  | ({ kind: "failed"; error: string } & Described);

export function isInline(attachment: InboundAttachment): attachment is Extract<InboundAttachment, { content: Uint8Array }> {
  return "content" in attachment;
}

/**
 * Writes the bytes of inline attachments to the attachment store before the routing transaction
 * (file I/O stays out of it). One that is too large becomes a failed attachment (a retry would not
 * help). When the store fails, the bytes written so far are removed and the email is refused with
 * UNAVAILABLE: the provider's retry brings the attachment again, where a 2xx would lose it.
 */
export async function storeInlineAttachments(workspaceId: string, attachments: InboundAttachment[]): Promise<PreparedAttachment[]> {
  const prepared: PreparedAttachment[] = [];
  for (const attachment of attachments) {
    if (!isInline(attachment)) {
      prepared.push({ kind: "remote", attachment });
      continue;
    }
    const described = { filename: attachment.filename, contentType: attachment.contentType, size: attachment.content.byteLength };
    if (described.size > DEFAULT_ATTACHMENT_LIMITS.maxBytes) {
      prepared.push({ kind: "failed", ...described, error: `too_large: larger than ${DEFAULT_ATTACHMENT_LIMITS.maxBytes} bytes` });
      continue;
    }
    const storageKey = newAttachmentKey(workspaceId, attachment.filename);
    try {
      await attachmentStore().put(storageKey, attachment.content);
      prepared.push({ kind: "stored", ...described, storageKey });
    } catch (error) {
      console.error("Storing an inline attachment failed", error);
      await discardStoredAttachments(prepared);
      throw unavailable("The attachment store is unavailable; the email was not accepted. Retry shortly.");
    }
  }
  return prepared;
}

/** Removes stored bytes whose rows were never committed. */
export async function discardStoredAttachments(prepared: PreparedAttachment[]): Promise<void> {
  for (const attachment of prepared) {
    if (attachment.kind === "stored") await attachmentStore().delete(attachment.storageKey).catch(() => undefined);
  }
}
