import { randomUUID } from "node:crypto";
import type { NewJob } from "@/server/jobs/jobs";

/** The job that tells a ticket's new assignee, unless they assigned it to themselves (or nobody). */
export function assignmentNotice(workspaceId: string, ticketId: string, assigneeId: string | null, actorUserId: string): NewJob | null {
  if (!assigneeId || assigneeId === actorUserId) return null;
  return {
    workspaceId,
    type: "ticket.notify",
    payload: { type: "assigned", ticketId, userIds: [assigneeId], actorUserId, messageId: null, key: randomUUID() },
  };
}

/** The job that tells the members a note mentions (its author aside), or null when it mentions nobody else. */
export function mentionNotice(workspaceId: string, ticketId: string, noteId: string, userIds: string[], authorUserId: string): NewJob | null {
  const others = userIds.filter((id) => id !== authorUserId);
  if (others.length === 0) return null;
  return {
    workspaceId,
    type: "ticket.notify",
    payload: { type: "mentioned", ticketId, userIds: others, actorUserId: authorUserId, messageId: noteId, key: `mention:${noteId}` },
  };
}
