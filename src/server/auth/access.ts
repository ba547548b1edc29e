import type { Role, Workspace } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { AppError, forbidden, notFound } from "@/server/errors";
import { isUuid } from "@/server/ids";
import type { Caller } from "./caller";

export interface WorkspaceAccess {
  workspace: Workspace;
  user: { id: string; email: string; name: string | null };
  role: Role;
  caller: Caller;
}

export type WorkspaceRef = { id: string } | { slug: string };

/**
 * The one membership guard, for tRPC and REST alike: the caller must be a member of the workspace
 * (404 otherwise, never a hint that it exists), and a token only opens its own workspace. What the
 * caller's role allows is the service's to decide (`requireOwner`), so no transport can forget it.
 */
export async function resolveWorkspaceAccess(db: Db, caller: Caller | null, ref: WorkspaceRef): Promise<WorkspaceAccess> {
  if (!caller) throw new AppError("UNAUTHORIZED", "Sign in or send an API token");
  if ("id" in ref && !isUuid(ref.id)) throw notFound("Workspace");
  const membership = await db.membership.findFirst({
    where: { userId: caller.userId, workspace: "id" in ref ? { id: ref.id } : { slug: ref.slug } },
    include: { workspace: true, user: { select: { id: true, email: true, name: true } } },
  });
  if (!membership) throw notFound("Workspace");
  if (caller.kind === "token" && caller.workspaceId !== membership.workspaceId) throw notFound("Workspace");
  return { workspace: membership.workspace, user: membership.user, role: membership.role, caller };
}

/** The first line of every owner-only service: a member is refused with 403. */
export function requireOwner(access: WorkspaceAccess): void {
  if (access.role !== "owner") throw forbidden("Only workspace owners can do this");
}
