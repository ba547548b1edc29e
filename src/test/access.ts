import { resolveWorkspaceAccess, type WorkspaceAccess } from "@/server/auth/access";
import type { Db } from "@/server/db";

/** The access the guard gives this user in the workspace (signed in), for calling a service directly. */
export function accessFor(db: Db, workspaceId: string, userId: string): Promise<WorkspaceAccess> {
  return resolveWorkspaceAccess(db, { kind: "session", userId }, { id: workspaceId });
}

/** The access of the workspace's first owner. */
export async function ownerAccess(db: Db, workspaceId: string): Promise<WorkspaceAccess> {
  const owner = await db.membership.findFirstOrThrow({ where: { workspaceId, role: "owner" }, orderBy: { createdAt: "asc" } });
  return accessFor(db, workspaceId, owner.userId);
}
