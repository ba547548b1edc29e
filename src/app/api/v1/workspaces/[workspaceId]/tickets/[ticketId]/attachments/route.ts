import { NextResponse } from "next/server";
import { AppError } from "@/server/errors";
import { withWorkspace } from "@/server/http/with-workspace";
import { MAX_UPLOAD_BYTES, uploadTicketAttachment } from "@/server/tickets/ticket-attachments";

// POST /api/v1/workspaces/:workspaceId/tickets/:ticketId/attachments — multipart upload, field `file`.
export const POST = withWorkspace<{ workspaceId: string; ticketId: string }>(async ({ request, db, access, params }) => {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_UPLOAD_BYTES + 64 * 1024) {
    throw new AppError("PAYLOAD_TOO_LARGE", `Attachments are limited to ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB`);
  }
  const form = await request.formData().catch(() => {
    throw new AppError("BAD_REQUEST", "Send the file as multipart/form-data");
  });
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("VALIDATION", "No file", { fields: { file: "Required" } });
  return NextResponse.json(await uploadTicketAttachment(db, access, params.ticketId, file), { status: 201 });
});
