import type { Prisma, Ticket } from "@/generated/prisma/client";
import { refreshTicketSla } from "@/server/sla/ticket-sla";
import type { WorkspaceAccess } from "@/server/auth/access";
import type { Db } from "@/server/db";
import { enqueueJobs } from "@/server/jobs/jobs";
import { assertAssignable } from "@/server/members/assignees";
import { assignmentNotice } from "@/server/notifications/ticket-notices";
import { ensureTagsByName } from "./ticket-tags";
import type { BulkUpdateTicketsInput } from "./tickets.schema";
import { surveyClosedTickets } from "@/server/satisfaction/survey-on-close";

export interface BulkUpdateResult {
  /** Tickets the action changed, each with its timeline entry. */
  changed: string[];
  /** Tickets already as asked (closed, that assignee, carrying or lacking the tag). */
  unchanged: string[];
  /** Tickets the action cannot apply to: merged ones (final), and ids that name no ticket here. */
  skipped: { ticketId: string; reason: "merged" | "not_found" }[];
}

type Action = BulkUpdateTicketsInput["action"];
type Actor = { workspaceId: string; actorUserId: string; workspace: WorkspaceAccess["workspace"] };

/**
 * Closes, assigns, tags or untags many tickets in one transaction, each change on its ticket's
 * timeline. Each action touches only its own field: adding a tag inserts that one tag (never
 * rewrites the ticket's tag set), so an agent's tag edit at the same moment is kept. The tickets
 * are locked in id order first, so two bulk actions over overlapping selections cannot deadlock
 * and each sees the state the other left.
 */
export async function bulkUpdateTickets(db: Db, access: WorkspaceAccess, input: BulkUpdateTicketsInput): Promise<BulkUpdateResult> {
  const workspaceId = access.workspace.id;
  const ids = [...new Set(input.ticketIds)];
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Ticket" WHERE "id" = ANY(${ids}::uuid[]) AND "workspaceId" = ${workspaceId}::uuid ORDER BY "id" FOR UPDATE`;
    const found = await tx.ticket.findMany({ where: { id: { in: ids }, workspaceId } });
    const known = new Set(found.map((ticket) => ticket.id));
    const skipped: BulkUpdateResult["skipped"] = [
      ...ids.filter((id) => !known.has(id)).map((ticketId) => ({ ticketId, reason: "not_found" as const })),
      ...found.filter((ticket) => ticket.status === "merged").map((ticket) => ({ ticketId: ticket.id, reason: "merged" as const })),
    ];
    const tickets = found.filter((ticket) => ticket.status !== "merged");
    const changed = await applyBulkAction(tx, { workspaceId, actorUserId: access.user.id, workspace: access.workspace }, tickets, input.action);
    const changedIds = new Set(changed);
    return { changed, unchanged: tickets.filter((ticket) => !changedIds.has(ticket.id)).map((ticket) => ticket.id), skipped };
  });
}

/** Applies the action to the (locked, unmerged) tickets; answers the ids it changed. */
async function applyBulkAction(tx: Prisma.TransactionClient, actor: Actor, tickets: Ticket[], action: Action): Promise<string[]> {
  const { workspaceId, actorUserId } = actor;
  const entries = (changed: Ticket[], type: string, data: (ticket: Ticket) => Prisma.InputJsonValue) =>
    tx.activityEvent.createMany({ data: changed.map((ticket) => ({ workspaceId, ticketId: ticket.id, actorUserId, type, data: data(ticket) })) });

  if (action.type === "close") {
    const changed = tickets.filter((ticket) => ticket.status !== "closed");
    if (changed.length === 0) return [];
    await tx.ticket.updateMany({
      where: { id: { in: changed.map((t) => t.id) } },
      data: { status: "closed", closureScheduledAt: null, snoozedUntil: null, snoozedById: null },
    });
    await entries(changed, "status_changed", (ticket) => ({ from: ticket.status, to: "closed", reason: null }));
    await surveyClosedTickets(tx, actor.workspace, changed);
    for (const ticket of changed) await refreshTicketSla(tx, workspaceId, ticket.id);
    return changed.map((ticket) => ticket.id);
  }

  if (action.type === "reopen") {
    const changed = tickets.filter((ticket) => ticket.status !== "open");
    if (changed.length === 0) return [];
    await tx.ticket.updateMany({ where: { id: { in: changed.map((t) => t.id) } }, data: { status: "open", closureScheduledAt: null } });
    await entries(changed, "status_changed", (ticket) => ({ from: ticket.status, to: "open", reason: null }));
    for (const ticket of changed) await refreshTicketSla(tx, workspaceId, ticket.id);
    return changed.map((ticket) => ticket.id);
  }

  if (action.type === "assign") {
    const { assigneeId } = action;
    if (assigneeId) await assertAssignable(tx, workspaceId, assigneeId, "action.assigneeId");
    const changed = tickets.filter((ticket) => ticket.assigneeId !== assigneeId);
    if (changed.length === 0) return [];
    await tx.ticket.updateMany({ where: { id: { in: changed.map((t) => t.id) } }, data: { assigneeId } });
    await entries(changed, "assigned", (ticket) => ({ from: ticket.assigneeId, to: assigneeId }));
    await enqueueJobs(
      tx,
      changed.flatMap((ticket) => assignmentNotice(workspaceId, ticket.id, assigneeId, actorUserId) ?? []),
    );
    return changed.map((ticket) => ticket.id);
  }

  const ticketIds = tickets.map((ticket) => ticket.id);
  if (action.type === "add_tag") {
    const [tag] = await ensureTagsByName(tx, workspaceId, [action.tag]);
    const carrying = new Set((await tx.ticketTag.findMany({ where: { tagId: tag!.id, ticketId: { in: ticketIds } } })).map((row) => row.ticketId));
    const changed = tickets.filter((ticket) => !carrying.has(ticket.id));
    await tx.ticketTag.createMany({ data: changed.map((ticket) => ({ ticketId: ticket.id, tagId: tag!.id })), skipDuplicates: true });
    await entries(changed, "tagged", () => ({ added: [tag!.name], removed: [] }));
    return changed.map((ticket) => ticket.id);
  }

  const tag = await tx.tag.findFirst({ where: { workspaceId, name: { equals: action.tag, mode: "insensitive" } } });
  if (!tag) return [];
  const carrying = new Set((await tx.ticketTag.findMany({ where: { tagId: tag.id, ticketId: { in: ticketIds } } })).map((row) => row.ticketId));
  const changed = tickets.filter((ticket) => carrying.has(ticket.id));
  await tx.ticketTag.deleteMany({ where: { tagId: tag.id, ticketId: { in: changed.map((t) => t.id) } } });
  await entries(changed, "tagged", () => ({ added: [], removed: [tag.name] }));
  return changed.map((ticket) => ticket.id);
}
