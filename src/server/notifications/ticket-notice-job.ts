import { appConfig } from "@/env";
import type { JobHandler } from "@/server/jobs/jobs";
import { jobPayload } from "@/server/jobs/job-types";
import { renderMentions } from "./mentions";
import { notifyMembers } from "./notify-members";

const EXCERPT = 200;
const appUrl = () => appConfig().PUBLIC_URL ?? appConfig().NEXTAUTH_URL ?? "";
const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text).replace(/\s+/g, " ").trim();
const person = (user: { name: string | null; email: string } | null | undefined) => user?.name || user?.email || null;

/**
 * Tells members about a ticket (see "ticket.notify" in job-types.ts), as each chose for the type.
 * Only members are told, never the person who did it, and only while it still holds: an assignment
 * or a reply to someone who is no longer the ticket's assignee tells nobody.
 */
export const ticketNoticeJob: JobHandler = async (db, job) => {
  const payload = jobPayload("ticket.notify", job.payload);
  const ticket = await db.ticket.findFirst({
    where: { id: payload.ticketId, workspaceId: job.workspaceId },
    select: { id: true, ticketNumber: true, subject: true, assigneeId: true, workspace: { select: { slug: true } } },
  });
  if (!ticket) return;
  const members = await db.membership.findMany({
    where: { workspaceId: job.workspaceId, userId: { in: payload.userIds } },
    select: { user: { select: { id: true, email: true, name: true } } },
  });
  const stillAssigned = payload.type !== "mentioned";
  const recipients = members.map((m) => m.user).filter((user) => user.id !== payload.actorUserId && (!stillAssigned || user.id === ticket.assigneeId));
  if (recipients.length === 0) return;
  const [actor, message] = await Promise.all([
    payload.actorUserId ? db.user.findUnique({ where: { id: payload.actorUserId }, select: { name: true, email: true } }) : null,
    payload.messageId
      ? db.message.findFirst({ where: { id: payload.messageId, ticketId: ticket.id }, select: { bodyText: true, fromName: true, fromAddress: true } })
      : null,
  ]);
  const ref = `#${ticket.ticketNumber}`;
  let title: string;
  let body: string | null;
  if (payload.type === "assigned") {
    title = `${person(actor) ?? "A rule"} assigned you ${ref}`;
    body = ticket.subject;
  } else if (payload.type === "snooze_ended") {
    title = `${ref} woke up from its snooze`;
    body = ticket.subject;
  } else if (payload.type === "customer_replied") {
    if (!message) return;
    title = `${message.fromName || message.fromAddress || "The customer"} replied on ${ref}`;
    body = excerpt(message.bodyText);
  } else {
    if (!message) return;
    const names = await db.user.findMany({ where: { memberships: { some: { workspaceId: job.workspaceId } } }, select: { id: true, name: true, email: true } });
    const nameOf = new Map(names.map((user) => [user.id, person(user)]));
    title = `${person(actor) ?? "Someone"} mentioned you on ${ref}`;
    body = excerpt(renderMentions(message.bodyText, (id) => nameOf.get(id) ?? null));
  }
  await notifyMembers(db, recipients, {
    workspaceId: job.workspaceId,
    topic: payload.type,
    type: payload.type,
    title,
    body,
    ticketId: ticket.id,
    emailHint: `Ticket ${ref}: ${ticket.subject}\nOpen it in Threadline: ${appUrl()}/w/${ticket.workspace.slug}/tickets/${ticket.id}`,
    key: `ticket-notice:${payload.key}`,
  });
};
