import type { Prisma, TicketDraft } from "@/generated/prisma/client";
import type { WorkspaceAccess } from "@/server/auth/access";
import type { Db } from "@/server/db";
import { presentAttachment } from "./ticket-presenters";
import { saveDraftSchema, type SaveDraftInput } from "./ticket-drafts.schema";
import { findTicket } from "./tickets.service";

type Tx = Db | Prisma.TransactionClient;

/**
 * A draft with the files it names that are still unused uploads of its ticket (a file sent with
 * another message, or deleted, drops out).
 */
async function presentDraft(db: Tx, draft: TicketDraft) {
  const attachments = draft.attachmentIds.length
    ? await db.attachment.findMany({
        where: { id: { in: draft.attachmentIds }, workspaceId: draft.workspaceId, ticketId: draft.ticketId, messageId: null },
        orderBy: { createdAt: "asc" },
      })
    : [];
  return {
    ticketId: draft.ticketId,
    mode: draft.mode === "note" ? ("note" as const) : ("reply" as const),
    body: draft.body,
    toAddresses: draft.toAddresses,
    ccAddresses: draft.ccAddresses,
    attachments: attachments.map(presentAttachment),
    updatedAt: draft.updatedAt.toISOString(),
  };
}
export type DraftDto = Awaited<ReturnType<typeof presentDraft>>;

/** The caller's draft on the ticket, or null. */
export async function getTicketDraft(db: Db, access: WorkspaceAccess, ticketId: string): Promise<DraftDto | null> {
  await findTicket(db, access.workspace.id, ticketId);
  const draft = await db.ticketDraft.findUnique({ where: { userId_ticketId: { userId: access.user.id, ticketId } } });
  return draft ? presentDraft(db, draft) : null;
}

/** Writes the caller's draft on the ticket (in the caller's transaction when given one). */
export async function saveTicketDraft(db: Tx, access: WorkspaceAccess, ticketId: string, input: SaveDraftInput): Promise<DraftDto> {
  await findTicket(db, access.workspace.id, ticketId);
  const data = saveDraftSchema.parse(input);
  const draft = await db.ticketDraft.upsert({
    where: { userId_ticketId: { userId: access.user.id, ticketId } },
    create: { ...data, workspaceId: access.workspace.id, ticketId, userId: access.user.id },
    update: data,
  });
  return presentDraft(db, draft);
}

/** Drops the caller's draft on the ticket (discarded, or sent). */
export async function discardTicketDraft(db: Tx, access: WorkspaceAccess, ticketId: string): Promise<void> {
  await findTicket(db, access.workspace.id, ticketId);
  await db.ticketDraft.deleteMany({ where: { userId: access.user.id, ticketId, workspaceId: access.workspace.id } });
}
