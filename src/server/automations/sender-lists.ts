import type { Db } from "@/server/db";

/**
 * The ids of the workspace's contact lists the contact belongs to, in one query, as a Set so each
 * `contact_list` condition of every rule is an O(1) lookup.
 */
export async function contactListIds(db: Db, workspaceId: string, where: { contactId: string } | { email: string }): Promise<Set<string>> {
  const contact = "contactId" in where ? { id: where.contactId, workspaceId } : { email: where.email.trim().toLowerCase(), workspaceId };
  const rows = await db.contactListMember.findMany({ where: { contact, list: { workspaceId } }, select: { listId: true } });
  return new Set(rows.map((row) => row.listId));
}
