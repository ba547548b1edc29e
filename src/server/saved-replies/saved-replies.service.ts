import type { SavedReply } from "@/generated/prisma/client";
import { requireOwner, type WorkspaceAccess } from "@/server/auth/access";
import { renderTemplate, ticketTemplateContext } from "@/server/automations/render-template";
import { byName } from "@/server/collation";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { isUuid } from "@/server/ids";
import { findTicket } from "@/server/tickets/tickets.service";
import type { CreateSavedReplyInput, ListSavedRepliesInput, UpdateSavedReplyInput } from "./saved-replies.schema";

/** The public shape of a saved reply; `rendered` is its body filled in for the asked ticket. */
export function presentSavedReply(reply: SavedReply, rendered?: string) {
  return {
    id: reply.id,
    name: reply.name,
    body: reply.body,
    shared: reply.ownerUserId === null,
    ...(rendered === undefined ? {} : { rendered }),
    createdAt: reply.createdAt.toISOString(),
    updatedAt: reply.updatedAt.toISOString(),
  };
}
export type SavedReplyDto = ReturnType<typeof presentSavedReply>;

/** What the caller sees: the shared replies and their own, never another member's. */
const visibleTo = (access: WorkspaceAccess) => ({ workspaceId: access.workspace.id, OR: [{ ownerUserId: null }, { ownerUserId: access.user.id }] });

export async function listSavedReplies(db: Db, access: WorkspaceAccess, input: ListSavedRepliesInput = {}): Promise<SavedReplyDto[]> {
  const ticket = input.ticketId ? await findTicket(db, access.workspace.id, input.ticketId) : null;
  const context = ticket ? ticketTemplateContext(ticket, access.workspace) : null;
  const replies = await db.savedReply.findMany({ where: visibleTo(access), orderBy: { createdAt: "asc" } });
  return replies.sort(byName).map((reply) => presentSavedReply(reply, context ? renderTemplate(reply.body, context) : undefined));
}

/** A visible reply the caller may change: shared ones only by owners (403), others' own never (404). */
async function findEditable(db: Db, access: WorkspaceAccess, savedReplyId: string): Promise<SavedReply> {
  const reply = isUuid(savedReplyId) ? await db.savedReply.findFirst({ where: { id: savedReplyId, ...visibleTo(access) } }) : null;
  if (!reply) throw notFound("Saved reply");
  if (reply.ownerUserId === null) requireOwner(access);
  return reply;
}

/** Any member keeps their own replies; only owners add shared ones. */
export async function createSavedReply(db: Db, access: WorkspaceAccess, input: CreateSavedReplyInput): Promise<SavedReplyDto> {
  if (input.shared) requireOwner(access);
  const reply = await db.savedReply.create({
    data: { workspaceId: access.workspace.id, ownerUserId: input.shared ? null : access.user.id, name: input.name, body: input.body },
  });
  return presentSavedReply(reply);
}

export async function updateSavedReply(db: Db, access: WorkspaceAccess, savedReplyId: string, input: UpdateSavedReplyInput): Promise<SavedReplyDto> {
  const reply = await findEditable(db, access, savedReplyId);
  return presentSavedReply(await db.savedReply.update({ where: { id: reply.id }, data: { name: input.name, body: input.body } }));
}

export async function deleteSavedReply(db: Db, access: WorkspaceAccess, savedReplyId: string) {
  const reply = await findEditable(db, access, savedReplyId);
  await db.savedReply.delete({ where: { id: reply.id } });
  return { id: reply.id, deleted: true as const };
}
