import type { Role, Workspace } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { AppError, isUniqueViolation, notFound } from "@/server/errors";
import { newInboundSecret } from "@/server/mailboxes/inbound-secret";
import { requireOwner, type WorkspaceAccess } from "@/server/auth/access";
import { createWorkspaceSchema, type CreateWorkspaceInput, type UpdateWorkspaceInput } from "./workspaces.schema";

/** The public shape of a workspace (REST and tRPC answer the same). */
export function presentWorkspace(workspace: Workspace, role?: Role) {
  return {
    id: workspace.id,
    name: workspace.name,
    slug: workspace.slug,
    settings: {
      unmatchedInbound: workspace.unmatchedInbound,
      closedTicketReply: workspace.closedTicketReply,
      requireInboundSecret: workspace.requireInboundSecret,
      satisfactionSurveys: workspace.satisfactionSurveys,
      undoSendSeconds: workspace.undoSendSeconds,
      pendingAutoCloseDays: workspace.pendingAutoCloseDays,
    },
    ...(role ? { role } : {}),
    createdAt: workspace.createdAt.toISOString(),
    updatedAt: workspace.updatedAt.toISOString(),
  };
}
export type WorkspaceDto = ReturnType<typeof presentWorkspace>;

/** Workspaces the user belongs to; a token sees only its own workspace. */
export async function listWorkspaces(db: Db, userId: string, onlyWorkspaceId?: string): Promise<WorkspaceDto[]> {
  const memberships = await db.membership.findMany({
    where: { userId, ...(onlyWorkspaceId ? { workspaceId: onlyWorkspaceId } : {}) },
    include: { workspace: true },
    orderBy: { workspace: { name: "asc" } },
  });
  return memberships.map((m) => presentWorkspace(m.workspace, m.role));
}

export async function updateWorkspace(db: Db, access: WorkspaceAccess, input: UpdateWorkspaceInput) {
  requireOwner(access);
  const updated = await db.workspace.update({
    where: { id: access.workspace.id },
    data: { name: input.name, ...input.settings },
  });
  return presentWorkspace(updated, access.role);
}

/** A workspace with its owner and a default ticket mailbox, so it can receive mail at once. */
export async function createWorkspace(db: Db, input: CreateWorkspaceInput & { ownerUserId: string }) {
  const { name, slug } = createWorkspaceSchema.parse(input);
  try {
    return await db.workspace.create({
      data: {
        name,
        slug,
        memberships: { create: { userId: input.ownerUserId, role: "owner" } },
        mailboxes: {
          create: {
            name: `${name} support`,
            address: `support@${slug}.threadline.test`,
            purpose: "ticket",
            isDefault: true,
            ...newInboundSecret(),
          },
        },
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `The slug "${slug}" is taken`);
    throw error;
  }
}

export async function getWorkspaceBySlug(db: Db, slug: string) {
  const workspace = await db.workspace.findUnique({ where: { slug } });
  if (!workspace) throw notFound("Workspace");
  return workspace;
}
