import { Readable } from "node:stream";
import { AttachmentNotFoundError } from "@/server/attachments/attachment-keys";
import { attachmentStore } from "@/server/attachments/attachment-store";
import { notFound } from "@/server/errors";
import { withWorkspace } from "@/server/http/with-workspace";
import { isUuid } from "@/server/ids";

// GET /api/v1/workspaces/:workspaceId/attachments/:attachmentId — the stored file, as a download.
export const GET = withWorkspace<{ workspaceId: string; attachmentId: string }>(async ({ db, access, params }) => {
  const attachment = isUuid(params.attachmentId)
    ? await db.attachment.findFirst({ where: { id: params.attachmentId, workspaceId: access.workspace.id, status: "stored" } })
    : null;
  if (!attachment?.storageKey) throw notFound("Attachment");
  const stream = await attachmentStore()
    .openStream(attachment.storageKey)
    .catch((error: unknown) => {
      throw error instanceof AttachmentNotFoundError ? notFound("Attachment") : error;
    });
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": attachment.contentType,
      // Always a download: a stored HTML or SVG file must never render on the app's origin.
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
});
