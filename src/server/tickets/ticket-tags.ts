import type { Prisma } from "@/generated/prisma/client";

/** The workspace's tags with these names (case-insensitive), creating the missing ones. */
export async function ensureTagsByName(tx: Prisma.TransactionClient, workspaceId: string, names: string[]) {
  const wanted = [...new Map(names.map((name) => [name.trim().toLowerCase(), name.trim()])).values()];
  const existing = await tx.tag.findMany({ where: { workspaceId, name: { in: wanted, mode: "insensitive" } } });
  const known = new Set(existing.map((tag) => tag.name.toLowerCase()));
  const created = [];
  for (const name of wanted.filter((n) => !known.has(n.toLowerCase()))) {
    created.push(await tx.tag.upsert({ where: { workspaceId_name: { workspaceId, name } }, create: { workspaceId, name }, update: {} }));
  }
  return [...existing, ...created];
}

/** Makes the ticket carry exactly these tags; answers the names added and removed. */
export async function setTicketTags(tx: Prisma.TransactionClient, workspaceId: string, ticketId: string, names: string[]) {
  const tags = await ensureTagsByName(tx, workspaceId, names);
  const current = await tx.ticketTag.findMany({ where: { ticketId }, include: { tag: true } });
  const wantedIds = new Set(tags.map((t) => t.id));
  const currentIds = new Set(current.map((t) => t.tagId));
  const removed = current.filter((t) => !wantedIds.has(t.tagId));
  const added = tags.filter((t) => !currentIds.has(t.id));
  if (removed.length) await tx.ticketTag.deleteMany({ where: { ticketId, tagId: { in: removed.map((t) => t.tagId) } } });
  if (added.length) await tx.ticketTag.createMany({ data: added.map((t) => ({ ticketId, tagId: t.id })), skipDuplicates: true });
  return { added: added.map((t) => t.name), removed: removed.map((t) => t.tag.name) };
}
