import type { WorkspaceAccess } from "@/server/auth/access";
import { refreshTicketSla } from "@/server/sla/ticket-sla";
import type { Db } from "@/server/db";
import { lockKeys } from "@/server/db/advisory-lock";
import { AppError } from "@/server/errors";
import { recordActivity } from "./activity";
import { findTicket, getTicketDto } from "./tickets.service";

/**
 * Merges the source ticket into the target: its messages, attachments, tags, receive-log rows and
 * sent emails move to the target; the source becomes `merged` with `mergedIntoId`, so later replies
 * to its thread land in the target. No self-merge and no chains (neither side may be merged already).
 */
export async function mergeTicket(db: Db, access: WorkspaceAccess, sourceId: string, targetId: string) {
  const workspaceId = access.workspace.id;
  if (sourceId === targetId)
    throw new AppError("VALIDATION", "A ticket cannot be merged into itself", { fields: { targetTicketId: "must differ from the source" } });
  return db.$transaction(async (tx) => {
    // Two merges touching the same tickets at once would otherwise race into a chain.
    await lockKeys(tx, [`ticket:${sourceId}`, `ticket:${targetId}`]);
    const source = await findTicket(tx, workspaceId, sourceId);
    const target = await findTicket(tx, workspaceId, targetId);
    if (source.status === "merged") throw new AppError("CONFLICT", `Ticket #${source.ticketNumber} was already merged`);
    if (target.status === "merged") throw new AppError("CONFLICT", `Ticket #${target.ticketNumber} was merged away; merge into the ticket it was merged into`);

    const moved = { ticketId: targetId };
    const { count: movedMessages } = await tx.message.updateMany({ where: { ticketId: sourceId, workspaceId }, data: moved });
    await tx.attachment.updateMany({ where: { ticketId: sourceId, workspaceId }, data: moved });
    await tx.incomingMail.updateMany({ where: { ticketId: sourceId, workspaceId }, data: moved });
    await tx.outboundEmail.updateMany({ where: { ticketId: sourceId, workspaceId }, data: moved });
    const sourceTags = await tx.ticketTag.findMany({ where: { ticketId: sourceId } });
    await tx.ticketTag.createMany({ data: sourceTags.map((t) => ({ ticketId: targetId, tagId: t.tagId })), skipDuplicates: true });

    const lastActivityAt = source.lastActivityAt > target.lastActivityAt ? source.lastActivityAt : target.lastActivityAt;
    await tx.ticket.update({
      where: { id: targetId },
      data: { lastActivityAt, exchangeCount: { increment: source.exchangeCount }, contactId: target.contactId ?? source.contactId },
    });
    await tx.ticket.update({ where: { id: sourceId }, data: { status: "merged", mergedIntoId: targetId, closureScheduledAt: null } });
    // The target holds both threads now (its first reply may be the source's); the source has no targets left.
    for (const id of [sourceId, targetId]) await refreshTicketSla(tx, workspaceId, id);
    const actor = { workspaceId, actorUserId: access.user.id };
    await recordActivity(tx, { ...actor, ticketId: sourceId, type: "merged", data: { into: targetId, intoNumber: target.ticketNumber, from: source.status } });
    await recordActivity(tx, { ...actor, ticketId: targetId, type: "merged_in", data: { from: sourceId, fromNumber: source.ticketNumber, movedMessages } });
    return { source: await getTicketDto(tx, workspaceId, sourceId), target: await getTicketDto(tx, workspaceId, targetId), movedCount: movedMessages };
  });
}
