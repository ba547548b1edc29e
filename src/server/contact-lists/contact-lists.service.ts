import type { ContactList, Prisma } from "@/generated/prisma/client";
import { requireOwner, type WorkspaceAccess } from "@/server/auth/access";
import { rulesReferencingContactList } from "@/server/automations/rule-references";
import { byName } from "@/server/collation";
import type { Db } from "@/server/db";
import { AppError, isUniqueViolation, notFound } from "@/server/errors";
import { isUuid } from "@/server/ids";
import { likeLiteral } from "@/server/like";
import type { CreateContactListInput } from "./contact-lists.schema";

/** The public shape of a contact list (REST and tRPC answer the same). */
export function presentContactList(list: ContactList & { _count: { members: number } }) {
  return { id: list.id, name: list.name, memberCount: list._count.members, createdAt: list.createdAt.toISOString() };
}
export type ContactListDto = ReturnType<typeof presentContactList>;

const withMemberCount = { _count: { select: { members: true } } } as const;

export async function listContactLists(db: Db, access: WorkspaceAccess): Promise<ContactListDto[]> {
  const workspaceId = access.workspace.id;
  const lists = await db.contactList.findMany({ where: { workspaceId }, include: withMemberCount, orderBy: { createdAt: "asc" } });
  return lists.sort(byName).map(presentContactList);
}

/** The workspace's list, or 404 (also for another workspace's list). */
export async function getContactList(db: Prisma.TransactionClient, workspaceId: string, listId: string): Promise<ContactList> {
  const list = isUuid(listId) ? await db.contactList.findFirst({ where: { id: listId, workspaceId } }) : null;
  if (!list) throw notFound("Contact list");
  return list;
}

const nameTaken = (name: string) => new AppError("CONFLICT", `A contact list named "${name}" already exists`);

/** Names are unique regardless of case, so a rule editor never offers two lists that look alike. */
export async function createContactList(db: Db, access: WorkspaceAccess, input: CreateContactListInput): Promise<ContactListDto> {
  requireOwner(access);
  const workspaceId = access.workspace.id;
  const twin = await db.contactList.findFirst({ where: { workspaceId, name: { equals: likeLiteral(input.name), mode: "insensitive" } } });
  if (twin) throw nameTaken(twin.name);
  try {
    return presentContactList(await db.contactList.create({ data: { workspaceId, name: input.name }, include: withMemberCount }));
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

/**
 * Refused with 409 while an automation rule's condition names the list: deleting it would silently
 * change what that rule matches. The details name the rules so the owner can edit them first. The
 * list row is locked FOR UPDATE before the rules are read, so a rule being saved at the same time
 * (which locks the lists it names FOR SHARE) is either seen here or waits and then finds no list.
 */
export async function deleteContactList(db: Db, access: WorkspaceAccess, listId: string) {
  requireOwner(access);
  const workspaceId = access.workspace.id;
  return db.$transaction(async (tx) => {
    const locked = isUuid(listId)
      ? await tx.$queryRaw<{ id: string }[]>`
          SELECT "id"::text AS "id" FROM "ContactList" WHERE "workspaceId" = ${workspaceId}::uuid AND "id" = ${listId}::uuid FOR UPDATE`
      : [];
    if (locked.length === 0) throw notFound("Contact list");
    const rules = await rulesReferencingContactList(tx, workspaceId, listId);
    if (rules.length > 0) {
      const names = rules.map((rule) => `"${rule.name}"`).join(", ");
      throw new AppError("CONFLICT", `The contact list is used by automation rules: ${names}`, { rules });
    }
    await tx.contactList.deleteMany({ where: { id: listId, workspaceId } });
    return { id: listId, deleted: true as const };
  });
}
