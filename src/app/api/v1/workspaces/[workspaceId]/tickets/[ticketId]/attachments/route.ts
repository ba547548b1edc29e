import { NextResponse } from "next/server";
import { AppError } from "@/server/errors";
import { parseFormBody } from "@/server/http/body";
import { otherMethods } from "@/server/http/methods";
import { withWorkspace } from "@/server/http/with-workspace";
import { MAX_UPLOAD_BYTES, uploadTicketAttachment } from "@/server/tickets/ticket-attachments";

// POST /api/v1/workspaces/:workspaceId/tickets/:ticketId/attachments — multipart upload, field `file`.
export const POST = withWorkspace<{ workspaceId: string; ticketId: string }>(async ({ request, db, access, params }) => {
  // The file plus room for the multipart framing; the service checks the file's own size.
  const form = await parseFormBody(request, MAX_UPLOAD_BYTES + 64 * 1024);
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("VALIDATION", "No file", { fields: { file: "Required" } });
  return NextResponse.json(await uploadTicketAttachment(db, access, params.ticketId, file), { status: 201 });
});
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ POST });
