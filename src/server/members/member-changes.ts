import { randomBytes } from "node:crypto";
import type { Prisma, Role } from "@/generated/prisma/client";
import { requireOwner, type WorkspaceAccess } from "@/server/auth/access";
import { hashPassword } from "@/server/auth/password";
import { endSessions } from "@/server/auth/sessions";
import type { Db } from "@/server/db";
import { AppError, isUniqueViolation, notFound } from "@/server/errors";
import { isUuid } from "@/server/ids";
import type { InviteMemberInput } from "./members.schema";
import { presentMember, type MemberDto } from "./members.service";

const memberSelect = { role: true, user: { select: { id: true, email: true, name: true } } } as const;

export interface InvitedMember {
  member: MemberDto;
  /** Set only when the invite created the account: shown once to the owner, stored hashed. */
  initialPassword: string | null;
}

/**
 * Adds the user with this email to the workspace. An email without an account gets a new account
 * with a random password, which the owner hands over; an existing account keeps its password (an
 * owner of one workspace never learns or sets the password of a user of another).
 */
export async function inviteMember(db: Db, access: WorkspaceAccess, input: InviteMemberInput): Promise<InvitedMember> {
  requireOwner(access);
  const workspaceId = access.workspace.id;
  const existing = await db.user.findUnique({ where: { email: input.email } });
  const initialPassword = existing ? null : randomBytes(12).toString("base64url");
  const passwordHash = initialPassword ? await hashPassword(initialPassword) : null;
  try {
    const membership = await db.$transaction(async (tx) => {
      const user = existing ?? (await tx.user.create({ data: { email: input.email, name: input.name ?? null, passwordHash } }));
      return tx.membership.create({ data: { workspaceId, userId: user.id, role: input.role }, select: memberSelect });
    });
    return { member: presentMember(membership), initialPassword };
  } catch (error) {
    // The membership exists already, or a concurrent invite created the same account first.
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `${input.email} is already a member of this workspace`);
    throw error;
  }
}

/**
 * Locks the workspace's owner memberships until the transaction ends and answers the target's
 * membership. Every change that could take away an owner takes this lock first, so two concurrent
 * demotions or removals run one after the other and the second one sees the first one's result.
 */
async function lockForOwnerChange(tx: Prisma.TransactionClient, workspaceId: string, userId: string) {
  const owners = await tx.$queryRaw<{ userId: string }[]>`
    SELECT "userId"::text AS "userId" FROM "Membership" WHERE "workspaceId" = ${workspaceId}::uuid AND "role" = 'owner' FOR UPDATE`;
  const membership = isUuid(userId) ? await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } }) : null;
  if (!membership) throw notFound("Member");
  const isLastOwner = membership.role === "owner" && owners.length <= 1;
  return { membership, isLastOwner };
}

const lastOwner = (what: string) => new AppError("CONFLICT", `The last owner cannot be ${what}: make another member an owner first`);

export async function changeMemberRole(db: Db, access: WorkspaceAccess, userId: string, role: Role): Promise<MemberDto> {
  requireOwner(access);
  const workspaceId = access.workspace.id;
  return db.$transaction(async (tx) => {
    const { membership, isLastOwner } = await lockForOwnerChange(tx, workspaceId, userId);
    if (isLastOwner && role !== "owner") throw lastOwner("demoted");
    return presentMember(await tx.membership.update({ where: { id: membership.id }, data: { role }, select: memberSelect }));
  });
}

/** Removes the member; the API tokens they had for this workspace are revoked with it, and their sessions end. */
export async function removeMember(db: Db, access: WorkspaceAccess, userId: string) {
  requireOwner(access);
  const workspaceId = access.workspace.id;
  return db.$transaction(async (tx) => {
    const { membership, isLastOwner } = await lockForOwnerChange(tx, workspaceId, userId);
    if (isLastOwner) throw lastOwner("removed");
    await tx.membership.delete({ where: { id: membership.id } });
    await tx.apiToken.updateMany({ where: { workspaceId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await endSessions(tx, userId);
    return { id: userId, removed: true as const };
  });
}
