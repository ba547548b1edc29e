import type { WorkspaceAccess } from "@/server/auth/access";
import { newAttachmentKey } from "@/server/attachments/attachment-keys";
import { attachmentStore } from "@/server/attachments/attachment-store";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { presentAttachment } from "./ticket-presenters";
import { findTicket } from "./tickets.service";

export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

// Programs and scripts a customer could run by opening the attachment.
const BLOCKED_EXTENSIONS = /\.(exe|msi|bat|cmd|com|scr|pif|vbs|vbe|js|jse|wsf|wsh|ps1|jar|sh|app|dll|cpl|hta|lnk)$/i;
const BLOCKED_TYPES = new Set([
  "application/x-msdownload",
  "application/x-msdos-program",
  "application/x-sh",
  "application/x-executable",
  "application/java-archive",
  "application/hta",
]);
const MIME_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(;.*)?$/i;

/** Stores an uploaded file for the ticket; it joins a message when a reply names its id. */
export async function uploadTicketAttachment(db: Db, access: WorkspaceAccess, ticketId: string, file: File) {
  const workspaceId = access.workspace.id;
  await findTicket(db, workspaceId, ticketId);
  if (file.size > MAX_UPLOAD_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", `Attachments are limited to ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB`);
  if (file.size === 0) throw new AppError("VALIDATION", "The file is empty", { fields: { file: "is empty" } });
  const contentType = (file.type || "application/octet-stream").toLowerCase();
  if (!MIME_TYPE.test(contentType) || BLOCKED_TYPES.has(contentType.split(";")[0]!.trim()) || BLOCKED_EXTENSIONS.test(file.name)) {
    throw new AppError("VALIDATION", "This type of file cannot be attached", { fields: { file: `${file.name} (${contentType}) is not allowed` } });
  }
  const filename = file.name.trim() || "attachment";
  const key = newAttachmentKey(workspaceId, filename);
  await attachmentStore().put(key, new Uint8Array(await file.arrayBuffer()));
  const attachment = await db.attachment.create({
    data: { workspaceId, ticketId, filename, contentType, size: file.size, status: "stored", storageKey: key },
  });
  return presentAttachment(attachment);
}
