import { Readable } from "node:stream";
import { AttachmentNotFoundError } from "@/server/attachments/attachment-keys";
import { attachmentStore } from "@/server/attachments/attachment-store";
import { notFound } from "@/server/errors";
import { downloadHeaders } from "@/server/http/download-headers";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";

// GET /api/v1/workspaces/:workspaceId/attachments/:attachmentId — the stored file, as a download.
export const GET = withWorkspace<{ workspaceId: string; attachmentId: string }>(async ({ db, access, params }) => {
  const attachment = await db.attachment.findFirst({ where: { id: params.attachmentId, workspaceId: access.workspace.id, status: "stored" } });
  if (!attachment?.storageKey) throw notFound("Attachment");
  const stream = await attachmentStore()
    .openStream(attachment.storageKey)
    .catch((error: unknown) => {
      throw error instanceof AttachmentNotFoundError ? notFound("Attachment") : error;
    });
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { headers: downloadHeaders(attachment) });
});
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
