import type { Prisma, SlaPolicy } from "@/generated/prisma/client";
import { enqueueJobs, type NewJob } from "@/server/jobs/jobs";
import { addBusinessMinutes, type BusinessSchedule } from "./business-time";
import { businessScheduleOf } from "./schedules.service";
import { SLA_TARGETS, type SlaTarget } from "./sla-targets";

/** Near-breach warnings go out when this share of a target's business minutes has passed. */
export const WARNING_SHARE = 0.8;

type DueTimes = Record<SlaTarget, Date | null>;
type Pending = { anchor: Date; minutes: number };

/**
 * Recomputes a ticket's due times from what it is now: its priority and mailbox pick the policy (the
 * mailbox's own policy first); the first response is pending until an agent replies, the next one
 * while the customer's newest message is newer than the newest agent reply, the resolution until it
 * is closed. Every write that changes one of those calls this in its transaction; a due time that
 * changes gets its warning and breach jobs (older jobs see a different due time and do nothing).
 */
export async function refreshTicketSla(tx: Prisma.TransactionClient, workspaceId: string, ticketId: string): Promise<void> {
  const ticket = await tx.ticket.findFirst({
    where: { id: ticketId, workspaceId },
    select: {
      priority: true,
      mailboxId: true,
      status: true,
      createdAt: true,
      lastCustomerMessageAt: true,
      firstResponseDueAt: true,
      nextResponseDueAt: true,
      resolutionDueAt: true,
    },
  });
  if (!ticket) return;
  const policies = await tx.slaPolicy.findMany({
    where: { workspaceId, priority: ticket.priority, OR: [{ mailboxId: null }, ...(ticket.mailboxId ? [{ mailboxId: ticket.mailboxId }] : [])] },
    include: { schedule: true },
  });
  const policy = policies.find((p) => p.mailboxId !== null) ?? policies[0];
  const open = ticket.status === "open" || ticket.status === "pending";
  const pending: Record<SlaTarget, Pending | null> = { firstResponse: null, nextResponse: null, resolution: null };
  if (policy && open) {
    const lastReply = await tx.message.findFirst({
      where: { ticketId, direction: "outbound", authorUserId: { not: null } },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    const customerWaiting = lastReply && ticket.lastCustomerMessageAt && ticket.lastCustomerMessageAt > lastReply.createdAt;
    pending.firstResponse = !lastReply ? target(ticket.createdAt, policy.firstResponseMinutes) : null;
    pending.nextResponse = customerWaiting ? target(ticket.lastCustomerMessageAt!, policy.nextResponseMinutes) : null;
    pending.resolution = target(ticket.createdAt, policy.resolutionMinutes);
  }
  const schedule = policy ? businessScheduleOf(policy.schedule) : null;
  const due: DueTimes = { firstResponse: null, nextResponse: null, resolution: null };
  const jobs: NewJob[] = [];
  for (const name of SLA_TARGETS) {
    const goal = pending[name];
    if (!goal || !schedule) continue;
    due[name] = addBusinessMinutes(schedule, goal.anchor, goal.minutes);
    if (due[name].getTime() !== ticket[`${name}DueAt`]?.getTime()) jobs.push(...checkJobs(workspaceId, ticketId, name, schedule, goal, due[name]));
  }
  const changed = SLA_TARGETS.some((name) => due[name]?.getTime() !== ticket[`${name}DueAt`]?.getTime());
  if (!changed) return;
  await tx.ticket.update({
    where: { id: ticketId },
    data: { firstResponseDueAt: due.firstResponse, nextResponseDueAt: due.nextResponse, resolutionDueAt: due.resolution },
  });
  await enqueueJobs(tx, jobs);
}

function target(anchor: Date, minutes: SlaPolicy["firstResponseMinutes"]): Pending | null {
  return minutes === null ? null : { anchor, minutes };
}

function checkJobs(workspaceId: string, ticketId: string, name: SlaTarget, schedule: BusinessSchedule, goal: Pending, dueAt: Date): NewJob[] {
  const warnAt = addBusinessMinutes(schedule, goal.anchor, Math.floor(goal.minutes * WARNING_SHARE));
  const job = (stage: "warning" | "breach", runAfter: Date): NewJob => ({
    workspaceId,
    type: "sla.check",
    payload: { ticketId, target: name, dueAt: dueAt.toISOString(), stage },
    runAfter,
  });
  return [job("warning", warnAt), job("breach", dueAt)];
}
