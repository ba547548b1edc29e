import type { Contact, Prisma } from "@/generated/prisma/client";
import { emailDomain } from "@/server/email/address";
import { FIND_OR_CREATE_CONTACT } from "./contact-upsert";

/** The customer whose email domains include this address's domain, if any. */
export async function customerIdForEmail(tx: Prisma.TransactionClient, workspaceId: string, email: string) {
  const domain = emailDomain(email);
  if (!domain) return null;
  const match = await tx.customerDomain.findUnique({ where: { workspaceId_domain: { workspaceId, domain } }, select: { customerId: true } });
  return match?.customerId ?? null;
}

/** Finds the workspace's contact for an email address or creates it (the rule: contactUpsertCte). */
export async function findOrCreateContact(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  person: { email: string; name?: string | null },
): Promise<Contact> {
  const email = person.email.trim().toLowerCase();
  const [contact] = await tx.$queryRawUnsafe<Contact[]>(FIND_OR_CREATE_CONTACT.text, workspaceId, email, person.name ?? null, emailDomain(email));
  return contact!;
}
