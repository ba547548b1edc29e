import { appConfig } from "@/env";
import type { JobHandler } from "@/server/jobs/jobs";
import { jobPayload } from "@/server/jobs/job-types";
import { notifyMembers } from "@/server/notifications/notify-members";
import { SLA_TARGET_LABELS } from "./sla-targets";

const appUrl = () => appConfig().PUBLIC_URL ?? appConfig().NEXTAUTH_URL ?? "";

/**
 * Tells a ticket's assignee that a target is near its due time or past it (see "sla.check" in
 * job-types.ts). Only while the job's due time is still the ticket's: a met target (cleared) or a
 * recomputed one (another time, with jobs of its own) makes it a no-op. Notified once per due time.
 */
export const slaCheckJob: JobHandler = async (db, job) => {
  const payload = jobPayload("sla.check", job.payload);
  const ticket = await db.ticket.findFirst({
    where: { id: payload.ticketId, workspaceId: job.workspaceId },
    select: {
      id: true,
      ticketNumber: true,
      subject: true,
      firstResponseDueAt: true,
      nextResponseDueAt: true,
      resolutionDueAt: true,
      assignee: { select: { id: true, email: true, memberships: { where: { workspaceId: job.workspaceId }, select: { id: true } } } },
      workspace: { select: { slug: true } },
    },
  });
  const dueAt = ticket?.[`${payload.target}DueAt`];
  if (!ticket || dueAt?.toISOString() !== payload.dueAt) return;
  const assignee = ticket.assignee;
  if (!assignee || assignee.memberships.length === 0) return;
  const ref = `#${ticket.ticketNumber}`;
  const label = SLA_TARGET_LABELS[payload.target];
  const breached = payload.stage === "breach";
  await notifyMembers(db, [assignee], {
    workspaceId: job.workspaceId,
    topic: "sla",
    type: breached ? "sla_breached" : "sla_warning",
    title: breached ? `${label} target breached on ${ref}` : `${label} due soon on ${ref}`,
    body: ticket.subject,
    ticketId: ticket.id,
    emailHint: `Due ${dueAt.toISOString()}. Open it in Threadline: ${appUrl()}/w/${ticket.workspace.slug}/tickets/${ticket.id}`,
    key: `sla:${ticket.id}:${payload.target}:${payload.dueAt}:${payload.stage}`,
  });
};
