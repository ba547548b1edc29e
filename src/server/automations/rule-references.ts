import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { assignableUserIds } from "@/server/members/assignees";
import type { Action, Condition } from "./automations.schema";
import { RUN_ORDER } from "./run-order";

type DbOrTx = Db | Prisma.TransactionClient;

/**
 * The workspace's rules with a `contact_list` condition naming the list, so deleting the list can
 * be refused (409) naming them. Accepts a transaction: a delete that locks the list row FOR UPDATE
 * first and then asks here cannot miss a rule being saved at the same time (see lockReferencedLists).
 */
export function rulesReferencingContactList(db: DbOrTx, workspaceId: string, listId: string): Promise<{ id: string; name: string }[]> {
  return db.automationRule.findMany({
    // jsonb containment (@>): some element of `conditions` has this type and list_id.
    where: { workspaceId, conditions: { array_contains: [{ type: "contact_list", list_id: listId }] } },
    select: { id: true, name: true },
    orderBy: RUN_ORDER,
  });
}

/**
 * Locks the referenced contact lists FOR SHARE until the rule's transaction commits, and answers
 * the ids that exist in the workspace. A concurrent list delete that locks the row waits for the
 * rule to be saved (and then sees it), or deletes first (and the rule is refused here).
 */
async function lockReferencedLists(tx: Prisma.TransactionClient, workspaceId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id"::text AS "id" FROM "ContactList"
    WHERE "workspaceId" = ${workspaceId}::uuid AND "id" = ANY(${ids}::uuid[])
    FOR SHARE`;
  return new Set(rows.map((row) => row.id));
}

/**
 * Every tag, contact list and user a rule names must belong to the workspace (the user as a member);
 * otherwise a 422 naming each offending field, as a schema failure would.
 */
export async function assertRuleReferences(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  rule: { conditions?: Condition[]; actions?: Action[] },
): Promise<void> {
  const conditions = rule.conditions ?? [];
  const actions = rule.actions ?? [];
  const listIds = conditions.flatMap((c) => (c.type === "contact_list" ? [c.list_id] : []));
  const tagIds = actions.flatMap((a) => (a.type === "add_tag" ? [a.tag_id] : []));
  const userIds = actions.flatMap((a) => (a.type === "assign_agent" ? [a.user_id] : []));
  // One after the other: a transaction runs one statement at a time anyway.
  const lists = await lockReferencedLists(tx, workspaceId, [...new Set(listIds)]);
  const tags = tagIds.length === 0 ? [] : await tx.tag.findMany({ where: { workspaceId, id: { in: tagIds } }, select: { id: true } });
  const knownMembers = await assignableUserIds(tx, workspaceId, userIds);
  const knownTags = new Set(tags.map((t) => t.id));

  const fields: Record<string, string> = {};
  conditions.forEach((c, i) => {
    if (c.type === "contact_list" && !lists.has(c.list_id)) fields[`conditions.${i}.list_id`] = "No such contact list in this workspace";
  });
  actions.forEach((a, i) => {
    if (a.type === "add_tag" && !knownTags.has(a.tag_id)) fields[`actions.${i}.tag_id`] = "No such tag in this workspace";
    if (a.type === "assign_agent" && !knownMembers.has(a.user_id)) fields[`actions.${i}.user_id`] = "Not a member of this workspace";
  });
  if (Object.keys(fields).length > 0) throw new AppError("VALIDATION", "The rule names things that are not in this workspace", { fields });
}
