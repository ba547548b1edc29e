import type { AutomationRule, Prisma } from "@/generated/prisma/client";
import { requireOwner, type WorkspaceAccess } from "@/server/auth/access";
import type { Db } from "@/server/db";
import { lockKeys } from "@/server/db/advisory-lock";
import { AppError, notFound } from "@/server/errors";
import { isUuid } from "@/server/ids";
import type { Action, Condition, CreateRuleInput, ReorderRulesInput, UpdateRuleInput } from "./automations.schema";
import { assertRuleReferences } from "./rule-references";
import { RUN_ORDER } from "./run-order";
import { parseStoredRule } from "./stored-rule";

/**
 * The public shape of a rule (REST and tRPC answer the same), in snake_case, the seed API's field names. Rows are only
 * written through the schemas; one edited by hand so that it no longer parses is shown as stored
 * (and never run), rather than hidden from the owner who has to fix it.
 */
export function presentRule(row: AutomationRule) {
  const parsed = parseStoredRule(row);
  return {
    id: row.id,
    name: row.name,
    event: row.event,
    is_active: row.isActive,
    priority: row.priority,
    stop_on_match: row.stopOnMatch,
    conditions: parsed?.conditions ?? (row.conditions as Condition[]),
    actions: parsed?.actions ?? (row.actions as Action[]),
    match_count: row.matchCount,
    last_matched_at: row.lastMatchedAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
export type RuleDto = ReturnType<typeof presentRule>;

export async function listRules(db: Db, access: WorkspaceAccess): Promise<RuleDto[]> {
  const workspaceId = access.workspace.id;
  const rows = await db.automationRule.findMany({ where: { workspaceId }, orderBy: RUN_ORDER });
  return rows.map(presentRule);
}

/** The workspace's rule, or 404 (also for another workspace's rule, or an id that is no UUID). */
export async function findRule(db: Db | Prisma.TransactionClient, workspaceId: string, ruleId: string): Promise<AutomationRule> {
  const rule = isUuid(ruleId) ? await db.automationRule.findFirst({ where: { id: ruleId, workspaceId } }) : null;
  if (!rule) throw notFound("Automation rule");
  return rule;
}

export async function getRule(db: Db, access: WorkspaceAccess, ruleId: string): Promise<RuleDto> {
  const workspaceId = access.workspace.id;
  return presentRule(await findRule(db, workspaceId, ruleId));
}

/** A new rule goes after the workspace's last one unless it names its priority. */
export async function createRule(db: Db, access: WorkspaceAccess, input: CreateRuleInput): Promise<RuleDto> {
  requireOwner(access);
  const workspaceId = access.workspace.id;
  const row = await db.$transaction(async (tx) => {
    await assertRuleReferences(tx, workspaceId, input);
    const last = await tx.automationRule.aggregate({ where: { workspaceId }, _max: { priority: true } });
    return tx.automationRule.create({
      data: {
        workspaceId,
        name: input.name,
        event: input.event,
        isActive: input.is_active,
        priority: input.priority ?? (last._max.priority ?? 0) + 1,
        stopOnMatch: input.stop_on_match,
        conditions: input.conditions,
        actions: input.actions,
      },
    });
  });
  return presentRule(row);
}

/** Changes the given fields; `conditions` and `actions`, when given, replace the old lists. */
export async function updateRule(db: Db, access: WorkspaceAccess, ruleId: string, input: UpdateRuleInput): Promise<RuleDto> {
  requireOwner(access);
  const workspaceId = access.workspace.id;
  const row = await db.$transaction(async (tx) => {
    const rule = await findRule(tx, workspaceId, ruleId);
    await assertRuleReferences(tx, workspaceId, input);
    return tx.automationRule.update({
      where: { id: rule.id },
      data: {
        name: input.name,
        event: input.event,
        isActive: input.is_active,
        priority: input.priority,
        stopOnMatch: input.stop_on_match,
        conditions: input.conditions,
        actions: input.actions,
      },
    });
  });
  return presentRule(row);
}

export async function deleteRule(db: Db, access: WorkspaceAccess, ruleId: string) {
  requireOwner(access);
  const workspaceId = access.workspace.id;
  const { count } = isUuid(ruleId) ? await db.automationRule.deleteMany({ where: { id: ruleId, workspaceId } }) : { count: 0 };
  if (count === 0) throw notFound("Automation rule");
  return { id: ruleId, deleted: true as const };
}

/**
 * The listed rules get priorities 1…n in the given order (the UI sends them all after a drag);
 * any rule not listed keeps its relative order after them. Answers the whole list in run order.
 */
export async function reorderRules(db: Db, access: WorkspaceAccess, input: ReorderRulesInput): Promise<RuleDto[]> {
  requireOwner(access);
  const workspaceId = access.workspace.id;
  await db.$transaction(async (tx) => {
    // Two reorders at once would interleave their updates into an order nobody asked for.
    await lockKeys(tx, [`automation-order:${workspaceId}`]);
    // The rows in the order a new ticket's follow-up locks them to count matches (by id), so the
    // updates below never deadlock with one.
    await tx.$executeRaw`SELECT 1 FROM "AutomationRule" WHERE "workspaceId" = ${workspaceId}::uuid ORDER BY "id" FOR NO KEY UPDATE`;
    const rules = await tx.automationRule.findMany({ where: { workspaceId }, orderBy: RUN_ORDER, select: { id: true, priority: true } });
    const known = new Set(rules.map((rule) => rule.id));
    const fields: Record<string, string> = {};
    input.ids.forEach((id, i) => {
      if (!known.has(id)) fields[`ids.${i}`] = "No such automation rule in this workspace";
    });
    if (Object.keys(fields).length > 0) throw new AppError("VALIDATION", "Unknown automation rules", { fields });
    const listed = new Set(input.ids);
    const order = [...input.ids, ...rules.map((rule) => rule.id).filter((id) => !listed.has(id))];
    const current = new Map(rules.map((rule) => [rule.id, rule.priority]));
    for (const [index, id] of order.entries()) {
      if (current.get(id) !== index + 1) await tx.automationRule.updateMany({ where: { id, workspaceId }, data: { priority: index + 1 } });
    }
  });
  return listRules(db, access);
}
