import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";

/**
 * The one rule for who can be given a ticket (by an agent, or by a rule's `assign_agent`): a member
 * of its workspace. Answers which of the users are.
 */
export async function assignableUserIds(db: Db | Prisma.TransactionClient, workspaceId: string, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const memberships = await db.membership.findMany({ where: { workspaceId, userId: { in: userIds } }, select: { userId: true } });
  return new Set(memberships.map((membership) => membership.userId));
}

/** A ticket's assignee from a request: a member, or 422 on `field` (the request's name for it). */
export async function assertAssignable(db: Db | Prisma.TransactionClient, workspaceId: string, assigneeId: string, field = "assigneeId"): Promise<void> {
  if (!(await assignableUserIds(db, workspaceId, [assigneeId])).has(assigneeId)) {
    throw new AppError("VALIDATION", "The assignee must be a member of the workspace", { fields: { [field]: "not a member of this workspace" } });
  }
}
