import type { Contact } from "@/generated/prisma/client";
import { requireOwner, type WorkspaceAccess } from "@/server/auth/access";
import { presentContact } from "@/server/contacts/contact-directory";
import { findOrCreateContact } from "@/server/contacts/contacts.service";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { isUuid } from "@/server/ids";
import type { AddContactListMemberInput, ListContactListMembersInput } from "./contact-lists.schema";
import { getContactList } from "./contact-lists.service";

/** A list member: the contact, and when it joined the list. */
export function presentContactListMember(entry: { contact: Contact; createdAt: Date }) {
  return { ...presentContact(entry.contact), addedAt: entry.createdAt.toISOString() };
}
export type ContactListMemberDto = ReturnType<typeof presentContactListMember>;

/**
 * Adds the contact with this email to the list, creating the contact (linked to its customer) when
 * the workspace has none yet. Adding a member twice is not an error: it answers the same member.
 */
export async function addContactListMember(db: Db, access: WorkspaceAccess, listId: string, input: AddContactListMemberInput) {
  requireOwner(access);
  const workspaceId = access.workspace.id;
  return db.$transaction(async (tx) => {
    const list = await getContactList(tx, workspaceId, listId);
    const contact = await findOrCreateContact(tx, workspaceId, { email: input.email });
    // ON CONFLICT DO NOTHING: a concurrent add of the same member must not fail either request.
    await tx.contactListMember.createMany({ data: [{ listId: list.id, contactId: contact.id }], skipDuplicates: true });
    const entry = await tx.contactListMember.findUniqueOrThrow({ where: { listId_contactId: { listId: list.id, contactId: contact.id } } });
    return presentContactListMember({ contact, createdAt: entry.createdAt });
  });
}

/** A page of the list's members, most recently added first. */
export async function listContactListMembers(db: Db, access: WorkspaceAccess, listId: string, input: ListContactListMembersInput) {
  const workspaceId = access.workspace.id;
  const list = await getContactList(db, workspaceId, listId);
  const where = { listId: list.id, list: { workspaceId } };
  const [entries, total] = await Promise.all([
    db.contactListMember.findMany({
      where,
      include: { contact: true },
      orderBy: [{ createdAt: "desc" }, { contactId: "asc" }],
      take: input.limit,
      skip: input.offset,
    }),
    db.contactListMember.count({ where }),
  ]);
  return { members: entries.map(presentContactListMember), total };
}

/** Takes the contact off the list (the contact itself stays); 404 when it was not on it. */
export async function removeContactListMember(db: Db, access: WorkspaceAccess, listId: string, contactId: string) {
  requireOwner(access);
  const workspaceId = access.workspace.id;
  const list = await getContactList(db, workspaceId, listId);
  const { count } = isUuid(contactId) ? await db.contactListMember.deleteMany({ where: { listId: list.id, contactId } }) : { count: 0 };
  if (count === 0) throw notFound("List member");
  return { listId: list.id, contactId, removed: true as const };
}
