import type { Prisma } from "@/generated/prisma/client";
import { emailDomain } from "@/server/email/address";

/** The customer whose email domains include this address's domain, if any. */
export async function customerIdForEmail(tx: Prisma.TransactionClient, workspaceId: string, email: string) {
  const domain = emailDomain(email);
  if (!domain) return null;
  const match = await tx.customerDomain.findUnique({ where: { workspaceId_domain: { workspaceId, domain } }, select: { customerId: true } });
  return match?.customerId ?? null;
}

/**
 * Finds the workspace's contact for an email address or creates it, linked to the customer of its
 * domain. A name is filled in when the contact had none; an existing name is never overwritten.
 */
export async function findOrCreateContact(tx: Prisma.TransactionClient, workspaceId: string, person: { email: string; name?: string | null }) {
  const email = person.email.trim().toLowerCase();
  const existing = await tx.contact.findUnique({ where: { workspaceId_email: { workspaceId, email } } });
  if (existing) {
    const customerId = existing.customerId ?? (await customerIdForEmail(tx, workspaceId, email));
    if ((!existing.name && person.name) || customerId !== existing.customerId) {
      return tx.contact.update({ where: { id: existing.id }, data: { name: existing.name ?? person.name ?? null, customerId } });
    }
    return existing;
  }
  const customerId = await customerIdForEmail(tx, workspaceId, email);
  // INSERT … ON CONFLICT DO NOTHING: a concurrent creator of the same contact (two first mails of a
  // new sender) makes this wait for its commit and then read its row; a plain INSERT's unique
  // violation would abort the whole transaction.
  const [created] = await tx.contact.createManyAndReturn({ data: [{ workspaceId, email, name: person.name ?? null, customerId }], skipDuplicates: true });
  return created ?? tx.contact.findUniqueOrThrow({ where: { workspaceId_email: { workspaceId, email } } });
}
