import type { AutomationEvent } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { parseStoredRule, type StoredRule } from "./stored-rule";

/** What a run needs of a rule (its run bookkeeping changes with every match, so it is not kept). */
export type CachedRule = Pick<
  StoredRule,
  "id" | "workspaceId" | "name" | "event" | "isActive" | "priority" | "stopOnMatch" | "createdAt" | "conditions" | "actions"
>;

// Per workspace: its active rules, parsed, as of a version of Workspace.automationRulesVersion (a
// trigger bumps it with every rule change, in that change's transaction, whichever instance made it).
const cache = new Map<string, { version: number; rules: CachedRule[] }>();
const MAX_WORKSPACES = 1000;

/**
 * The workspace's active rules for the event, parsed once per version of its rules: read again
 * only when the version the caller just read differs from the cached one. A rule saved between the
 * two reads is at worst read early; the next version read fetches it again.
 */
export async function activeRules(db: Db, workspaceId: string, version: number, event: AutomationEvent): Promise<CachedRule[]> {
  let entry = cache.get(workspaceId);
  if (entry?.version !== version) {
    const rows = await db.automationRule.findMany({ where: { workspaceId, isActive: true } });
    const rules = rows.flatMap((row): CachedRule[] => {
      const rule = parseStoredRule(row);
      if (!rule) console.error(`Automation rule ${row.id} has invalid conditions or actions and is skipped`);
      if (!rule) return [];
      const { id, name, isActive, priority, stopOnMatch, createdAt, conditions, actions } = rule;
      return [{ id, workspaceId, name, event: rule.event, isActive, priority, stopOnMatch, createdAt, conditions, actions }];
    });
    cache.delete(workspaceId);
    // The least recently reloaded workspace makes room.
    if (cache.size >= MAX_WORKSPACES) cache.delete(cache.keys().next().value!);
    entry = { version, rules };
    cache.set(workspaceId, entry);
  }
  return entry.rules.filter((rule) => rule.event === event);
}
