import { appConfig } from "@/env";
import { newAttachmentKey } from "@/server/attachments/attachment-keys";
import { attachmentStore } from "@/server/attachments/attachment-store";
import { plainContentType } from "@/server/attachments/content-type";
import { AttachmentDownloadError, DEFAULT_ATTACHMENT_LIMITS, downloadAttachment } from "@/server/attachments/download";
import type { JobHandler } from "@/server/jobs/jobs";
import { jobPayload } from "@/server/jobs/job-types";

/**
 * Downloads an inbound attachment's `url` into the attachment store. A download the URL itself
 * refuses (too large, blocked host, HTTP error, timeout) marks the attachment failed and ends the
 * job; the email was stored long before and stays. Other errors (the store) throw, so the job retries.
 */
export const downloadAttachmentJob: JobHandler = async (db, job) => {
  const { attachmentId } = jobPayload("attachment.download", job.payload);
  const attachment = await db.attachment.findFirst({ where: { id: attachmentId, workspaceId: job.workspaceId } });
  if (!attachment || attachment.status !== "pending" || !attachment.sourceUrl) return;
  const key = newAttachmentKey(attachment.workspaceId, attachment.filename);
  const store = attachmentStore();
  // Only a pending attachment changes: of two runs of the job (one that lost its lease), the first
  // to finish decides, and the other removes the bytes it stored.
  const stillPending = { id: attachment.id, status: "pending" as const };
  try {
    const downloaded = await downloadAttachment(attachment.sourceUrl, {
      ...DEFAULT_ATTACHMENT_LIMITS,
      allowPrivateHosts: appConfig().INBOUND_ATTACHMENTS_ALLOW_PRIVATE_HOSTS,
      store,
      key,
    });
    const { count } = await db.attachment.updateMany({
      where: stillPending,
      data: {
        status: "stored",
        storageKey: key,
        size: downloaded.size,
        contentType: plainContentType(downloaded.contentType) ?? attachment.contentType,
        error: null,
      },
    });
    if (count === 0) await store.delete(key);
  } catch (error) {
    if (!(error instanceof AttachmentDownloadError)) throw error;
    await db.attachment.updateMany({ where: stillPending, data: { status: "failed", error: `${error.reason}: ${error.message}` } });
  }
};
