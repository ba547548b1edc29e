import type { AutomationRule } from "@/generated/prisma/client";
import { actionsSchema, conditionsSchema, type Action, type Condition } from "./automations.schema";

export interface StoredRule extends Omit<AutomationRule, "conditions" | "actions"> {
  conditions: Condition[];
  actions: Action[];
}

/**
 * A rule row with its JSON read through the same schemas that wrote it (which also fills in the
 * defaults of rows written before a field existed, such as a seeded condition without `operator`).
 * Null when the JSON does not fit: such a rule is never run.
 */
export function parseStoredRule(row: AutomationRule): StoredRule | null {
  const conditions = conditionsSchema.safeParse(row.conditions);
  const actions = actionsSchema.safeParse(row.actions);
  if (!conditions.success || !actions.success) return null;
  return { ...row, conditions: conditions.data, actions: actions.data };
}
