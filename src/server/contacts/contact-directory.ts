import type { Contact, Prisma } from "@/generated/prisma/client";
import type { WorkspaceAccess } from "@/server/auth/access";
import type { Db } from "@/server/db";
import { AppError, isUniqueViolation } from "@/server/errors";
import { likeLiteral } from "@/server/like";
import { customerIdForEmail } from "./contacts.service";
import type { CreateContactInput, ListContactsInput } from "./contacts.schema";

/** The public shape of a contact (REST and tRPC answer the same). */
export function presentContact(contact: Contact) {
  return {
    id: contact.id,
    email: contact.email,
    name: contact.name,
    customerId: contact.customerId,
    createdAt: contact.createdAt.toISOString(),
    updatedAt: contact.updatedAt.toISOString(),
  };
}
export type ContactDto = ReturnType<typeof presentContact>;

/** A page of the workspace's contacts by email; `search` matches email or name, any case. */
export async function listContacts(db: Db, access: WorkspaceAccess, input: ListContactsInput) {
  const workspaceId = access.workspace.id;
  const search = input.search ? { contains: likeLiteral(input.search), mode: "insensitive" as const } : undefined;
  const where: Prisma.ContactWhereInput = { workspaceId, ...(search ? { OR: [{ email: search }, { name: search }] } : {}) };
  const [contacts, total] = await Promise.all([
    db.contact.findMany({ where, orderBy: [{ email: "asc" }, { id: "asc" }], take: input.limit, skip: input.offset }),
    db.contact.count({ where }),
  ]);
  return { contacts: contacts.map(presentContact), total };
}

/** The id of a customer of the workspace named in a request; 422 on the field for any other. */
export async function requireWorkspaceCustomer(db: Db | Prisma.TransactionClient, workspaceId: string, customerId: string): Promise<string> {
  const customer = await db.customer.findFirst({ where: { id: customerId, workspaceId }, select: { id: true } });
  // A bad reference inside a valid request: 422 on the field, never a hint of other workspaces.
  if (!customer) {
    throw new AppError("VALIDATION", "The customer does not exist in this workspace", { fields: { customerId: "no such customer" } });
  }
  return customer.id;
}

async function customerFor(db: Db, workspaceId: string, input: CreateContactInput): Promise<string | null> {
  if (input.customerId === undefined) return customerIdForEmail(db, workspaceId, input.email);
  if (input.customerId === null) return null;
  return requireWorkspaceCustomer(db, workspaceId, input.customerId);
}

export async function createContact(db: Db, access: WorkspaceAccess, input: CreateContactInput): Promise<ContactDto> {
  const workspaceId = access.workspace.id;
  const customerId = await customerFor(db, workspaceId, input);
  try {
    return presentContact(await db.contact.create({ data: { workspaceId, email: input.email, name: input.name ?? null, customerId } }));
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `A contact with the email ${input.email} already exists`);
    throw error;
  }
}
