import type { Role } from "@/generated/prisma/client";
import type { WorkspaceAccess } from "@/server/auth/access";
import type { Db } from "@/server/db";

/** The public shape of a member: the user's id, as assignee ids and rule actions name users. */
export function presentMember(membership: { role: Role; user: { id: string; email: string; name: string | null } }) {
  return { id: membership.user.id, email: membership.user.email, name: membership.user.name, role: membership.role };
}
export type MemberDto = ReturnType<typeof presentMember>;

/** The workspace's members, owners first, then by email. */
export async function listMembers(db: Db, access: WorkspaceAccess): Promise<MemberDto[]> {
  const workspaceId = access.workspace.id;
  const memberships = await db.membership.findMany({
    where: { workspaceId },
    select: { role: true, user: { select: { id: true, email: true, name: true } } },
    orderBy: [{ role: "asc" }, { user: { email: "asc" } }],
  });
  return memberships.map(presentMember);
}
