import { newAttachmentKey } from "@/server/attachments/attachment-keys";
import { attachmentStore } from "@/server/attachments/attachment-store";
import { DEFAULT_ATTACHMENT_LIMITS } from "@/server/attachments/download";
import { unavailable } from "@/server/errors";
import type { InboundAttachment, RemoteAttachment } from "./inbound.schema";

interface Described {
  filename: string;
  contentType: string;
  size: number;
  contentId: string | null;
}

/** An email's attachment ready to become a row: to download, already stored, or failed. */
export type PreparedAttachment =
  { kind: "remote"; attachment: RemoteAttachment } | ({ kind: "stored"; storageKey: string } & Described) | ({ kind: "failed"; error: string } & Described);

export function isInline(attachment: InboundAttachment): attachment is Extract<InboundAttachment, { content: Uint8Array }> {
  return "content" in attachment;
}

/** Attachment writes in flight at once: S3 answers each in tens of milliseconds, a disk in one. */
const STORE_CONCURRENCY = 8;

function prepare(workspaceId: string, attachment: InboundAttachment): PreparedAttachment {
  if (!isInline(attachment)) return { kind: "remote", attachment };
  const { filename, contentType, contentId } = attachment;
  const described = { filename, contentType, contentId, size: attachment.content.byteLength };
  if (described.size > DEFAULT_ATTACHMENT_LIMITS.maxBytes)
    return { kind: "failed", ...described, error: `too_large: larger than ${DEFAULT_ATTACHMENT_LIMITS.maxBytes} bytes` };
  return { kind: "stored", ...described, storageKey: newAttachmentKey(workspaceId, attachment.filename) };
}

/**
 * Writes the bytes of inline attachments to the attachment store before the routing transaction
 * (file I/O stays out of it), several at a time. One that is too large becomes a failed attachment
 * (a retry would not help). When the store fails, the bytes written are removed and the email is
 * refused with UNAVAILABLE: the provider's retry brings the attachment again, where a 2xx would lose it.
 */
export async function storeInlineAttachments(workspaceId: string, attachments: InboundAttachment[]): Promise<PreparedAttachment[]> {
  const prepared = attachments.map((attachment) => prepare(workspaceId, attachment));
  const writes = prepared.flatMap((entry, i) => {
    const attachment = attachments[i]!;
    return entry.kind === "stored" && isInline(attachment) ? [{ key: entry.storageKey, content: attachment.content }] : [];
  });
  for (let start = 0; start < writes.length; start += STORE_CONCURRENCY) {
    const batch = writes.slice(start, start + STORE_CONCURRENCY);
    const failure = (await Promise.allSettled(batch.map((write) => attachmentStore().put(write.key, write.content)))).find(
      (result) => result.status === "rejected",
    );
    if (failure) {
      console.error("Storing an inline attachment failed", failure.reason);
      await discardStoredAttachments(prepared);
      throw unavailable("The attachment store is unavailable; the email was not accepted. Retry shortly.");
    }
  }
  return prepared;
}

/** Removes stored bytes whose rows were never committed. */
export async function discardStoredAttachments(prepared: PreparedAttachment[]): Promise<void> {
  for (const attachment of prepared) {
    if (attachment.kind === "stored")
      await attachmentStore()
        .delete(attachment.storageKey)
        .catch(() => undefined);
  }
}
