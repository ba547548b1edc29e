import type { WorkspaceAccess } from "@/server/auth/access";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { isUuid } from "@/server/ids";
import { presentContact, requireWorkspaceCustomer } from "./contact-directory";
import type { UpdateContactInput } from "./contacts.schema";

const profileInclude = { customer: { select: { id: true, name: true } } } as const;

async function findContact(db: Db, workspaceId: string, contactId: string) {
  const contact = isUuid(contactId) ? await db.contact.findFirst({ where: { id: contactId, workspaceId }, include: profileInclude }) : null;
  if (!contact) throw notFound("Contact");
  return contact;
}

async function presentProfile(db: Db, contact: Awaited<ReturnType<typeof findContact>>) {
  const byStatus = await db.ticket.groupBy({
    by: ["status"],
    where: { workspaceId: contact.workspaceId, contactId: contact.id, status: { not: "merged" } },
    _count: { _all: true },
  });
  const count = (status?: string) => byStatus.filter((row) => !status || row.status === status).reduce((sum, row) => sum + row._count._all, 0);
  return { ...presentContact(contact), customer: contact.customer, ticketCount: count(), openTicketCount: count("open") + count("pending") };
}
export type ContactProfileDto = Awaited<ReturnType<typeof presentProfile>>;

/** A contact of the caller's workspace with its customer and how many tickets it has (merged ones left out). */
export async function getContact(db: Db, access: WorkspaceAccess, contactId: string): Promise<ContactProfileDto> {
  return presentProfile(db, await findContact(db, access.workspace.id, contactId));
}

/**
 * Any member corrects a contact's name or the customer it belongs to. A new customer carries the
 * contact's tickets along, so the customer's page lists them and its rules see them.
 */
export async function updateContact(db: Db, access: WorkspaceAccess, contactId: string, input: UpdateContactInput): Promise<ContactProfileDto> {
  const workspaceId = access.workspace.id;
  const contact = await findContact(db, workspaceId, contactId);
  const customerId = input.customerId ? await requireWorkspaceCustomer(db, workspaceId, input.customerId) : input.customerId;
  await db.$transaction(async (tx) => {
    await tx.contact.update({
      where: { id: contact.id },
      data: { ...(input.name !== undefined ? { name: input.name } : {}), ...(customerId !== undefined ? { customerId } : {}) },
    });
    if (customerId !== undefined && customerId !== contact.customerId) {
      await tx.ticket.updateMany({ where: { workspaceId, contactId: contact.id }, data: { customerId } });
    }
  });
  return getContact(db, access, contact.id);
}
