import type { WorkspaceAccess } from "@/server/auth/access";
import type { Db } from "@/server/db";
import { enqueueJob } from "@/server/jobs/jobs";
import { assertAssignable } from "@/server/members/assignees";
import { assignmentNotice } from "@/server/notifications/ticket-notices";
import { refreshTicketSla } from "@/server/sla/ticket-sla";
import { recordActivity } from "./activity";
import { setTicketTags } from "./ticket-tags";
import { findTicket, getTicketDto } from "./tickets.service";
import type { UpdateTicketInput } from "./tickets.schema";

/** Assignee (a member, or null), priority, subject and the tag set; each change on the timeline. */
export async function updateTicket(db: Db, access: WorkspaceAccess, ticketId: string, input: UpdateTicketInput) {
  const workspaceId = access.workspace.id;
  return db.$transaction(async (tx) => {
    const ticket = await findTicket(tx, workspaceId, ticketId);
    const actor = { workspaceId, ticketId, actorUserId: access.user.id };
    if (input.assigneeId !== undefined && input.assigneeId !== ticket.assigneeId) {
      if (input.assigneeId) await assertAssignable(tx, workspaceId, input.assigneeId);
      await tx.ticket.update({ where: { id: ticketId }, data: { assigneeId: input.assigneeId } });
      await recordActivity(tx, { ...actor, type: "assigned", data: { from: ticket.assigneeId, to: input.assigneeId } });
      const notice = assignmentNotice(workspaceId, ticketId, input.assigneeId, access.user.id);
      if (notice) await enqueueJob(tx, notice);
    }
    if (input.priority && input.priority !== ticket.priority) {
      await tx.ticket.update({ where: { id: ticketId }, data: { priority: input.priority } });
      await recordActivity(tx, { ...actor, type: "priority_changed", data: { from: ticket.priority, to: input.priority } });
      await refreshTicketSla(tx, workspaceId, ticketId);
    }
    if (input.subject && input.subject !== ticket.subject) {
      await tx.ticket.update({ where: { id: ticketId }, data: { subject: input.subject } });
      await recordActivity(tx, { ...actor, type: "subject_changed", data: { from: ticket.subject, to: input.subject } });
    }
    if (input.tags) {
      const { added, removed } = await setTicketTags(tx, workspaceId, ticketId, input.tags);
      if (added.length || removed.length) await recordActivity(tx, { ...actor, type: "tagged", data: { added, removed } });
    }
    return getTicketDto(tx, workspaceId, ticketId);
  });
}
