import type { Macro, Prisma } from "@/generated/prisma/client";
import { requireOwner, type WorkspaceAccess } from "@/server/auth/access";
import { byName } from "@/server/collation";
import type { Db } from "@/server/db";
import { AppError, notFound } from "@/server/errors";
import { isUuid } from "@/server/ids";
import { assertAssignable } from "@/server/members/assignees";
import { macroActionSchema, type CreateMacroInput, type MacroAction, type UpdateMacroInput } from "./macros.schema";

/** The stored actions, read back through their schema (a row is only ever written validated). */
export const macroActions = (macro: Macro): MacroAction[] => macroActionSchema.array().parse(macro.actions);

export function presentMacro(macro: Macro) {
  return { id: macro.id, name: macro.name, actions: macroActions(macro), createdAt: macro.createdAt.toISOString(), updatedAt: macro.updatedAt.toISOString() };
}
export type MacroDto = ReturnType<typeof presentMacro>;

export async function listMacros(db: Db, access: WorkspaceAccess): Promise<MacroDto[]> {
  const macros = await db.macro.findMany({ where: { workspaceId: access.workspace.id }, orderBy: { createdAt: "asc" } });
  return macros.sort(byName).map(presentMacro);
}

/** The workspace's macro, or 404. */
export async function findMacro(db: Db | Prisma.TransactionClient, workspaceId: string, macroId: string): Promise<Macro> {
  const macro = isUuid(macroId) ? await db.macro.findFirst({ where: { id: macroId, workspaceId } }) : null;
  if (!macro) throw notFound("Macro");
  return macro;
}

/** What the actions name must be the workspace's: a member to assign, a shared saved reply (every agent may apply the macro). */
async function assertReferences(db: Db, workspaceId: string, actions: MacroAction[]) {
  for (const [index, action] of actions.entries()) {
    if (action.type === "assign" && action.assigneeId) await assertAssignable(db, workspaceId, action.assigneeId, `actions.${index}.assigneeId`);
    if (action.type === "reply" && !(await db.savedReply.findFirst({ where: { id: action.savedReplyId, workspaceId, ownerUserId: null } }))) {
      throw new AppError("VALIDATION", "The saved reply must be a shared one of this workspace", {
        fields: { [`actions.${index}.savedReplyId`]: "not a shared saved reply of this workspace" },
      });
    }
  }
}

export async function createMacro(db: Db, access: WorkspaceAccess, input: CreateMacroInput): Promise<MacroDto> {
  requireOwner(access);
  await assertReferences(db, access.workspace.id, input.actions);
  return presentMacro(await db.macro.create({ data: { workspaceId: access.workspace.id, name: input.name, actions: input.actions } }));
}

export async function updateMacro(db: Db, access: WorkspaceAccess, macroId: string, input: UpdateMacroInput): Promise<MacroDto> {
  requireOwner(access);
  const macro = await findMacro(db, access.workspace.id, macroId);
  if (input.actions) await assertReferences(db, access.workspace.id, input.actions);
  return presentMacro(await db.macro.update({ where: { id: macro.id }, data: { name: input.name, actions: input.actions } }));
}

export async function deleteMacro(db: Db, access: WorkspaceAccess, macroId: string) {
  requireOwner(access);
  const macro = await findMacro(db, access.workspace.id, macroId);
  await db.macro.delete({ where: { id: macro.id } });
  return { id: macro.id, deleted: true as const };
}
