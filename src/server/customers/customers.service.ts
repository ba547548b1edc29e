import type { Prisma } from "@/generated/prisma/client";
import { requireOwner, type WorkspaceAccess } from "@/server/auth/access";
import { byName } from "@/server/collation";
import type { Db } from "@/server/db";
import { AppError, isUniqueViolation, notFound } from "@/server/errors";
import { isUuid } from "@/server/ids";
import type { CreateCustomerInput, UpdateCustomerInput } from "./customers.schema";

const customerInclude = {
  domains: { select: { domain: true }, orderBy: { domain: "asc" } },
  _count: { select: { contacts: true } },
} satisfies Prisma.CustomerInclude;

type CustomerWithCounts = Prisma.CustomerGetPayload<{ include: typeof customerInclude }>;

/** The public shape of a customer (REST and tRPC answer the same). */
export function presentCustomer(customer: CustomerWithCounts) {
  return {
    id: customer.id,
    name: customer.name,
    domains: customer.domains.map((d) => d.domain),
    contactCount: customer._count.contacts,
    createdAt: customer.createdAt.toISOString(),
  };
}
export type CustomerDto = ReturnType<typeof presentCustomer>;

export async function listCustomers(db: Db, access: WorkspaceAccess): Promise<CustomerDto[]> {
  const workspaceId = access.workspace.id;
  const customers = await db.customer.findMany({ where: { workspaceId }, include: customerInclude, orderBy: { createdAt: "asc" } });
  return customers.sort(byName).map(presentCustomer);
}

function domainsTaken(domains: string[]) {
  const list = domains.join(", ");
  return new AppError("CONFLICT", `Another customer already has the domain${domains.length > 1 ? "s" : ""} ${list}`, { domains });
}

/** 409 when another customer of the workspace has one of the domains (each domain has one customer). */
async function assertDomainsFree(db: Db | Prisma.TransactionClient, workspaceId: string, domains: string[], customerId?: string) {
  const taken = await db.customerDomain.findMany({
    where: { workspaceId, domain: { in: domains }, ...(customerId ? { customerId: { not: customerId } } : {}) },
    select: { domain: true },
  });
  if (taken.length > 0) throw domainsTaken(taken.map((d) => d.domain).sort());
}

/** Links the workspace's contacts of these domains that have no customer yet, as new ones are on arrival. */
async function linkContactsOfDomains(tx: Prisma.TransactionClient, workspaceId: string, customerId: string, domains: string[]) {
  if (domains.length === 0) return;
  await tx.contact.updateMany({
    where: { workspaceId, customerId: null, OR: domains.map((domain) => ({ email: { endsWith: `@${domain}` } })) },
    data: { customerId },
  });
}

/** Runs a customer write; a domain taken by a concurrent request between check and insert is a 409 too. */
async function writingDomains<T>(domains: string[], write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw domainsTaken(domains);
    throw error;
  }
}

async function findCustomer(db: Db, workspaceId: string, customerId: string) {
  const customer = isUuid(customerId) ? await db.customer.findFirst({ where: { id: customerId, workspaceId }, include: customerInclude }) : null;
  if (!customer) throw notFound("Customer");
  return customer;
}

/** How many contacts a customer page lists (the contact directory has them all). */
const PROFILE_CONTACTS = 100;

/** A customer of the caller's workspace with its first contacts by name (its tickets: the ticket list's `customer` filter). */
export async function getCustomer(db: Db, access: WorkspaceAccess, customerId: string) {
  const customer = await findCustomer(db, access.workspace.id, customerId);
  const contacts = await db.contact.findMany({
    where: { customerId: customer.id },
    select: { id: true, email: true, name: true },
    orderBy: [{ email: "asc" }],
    take: PROFILE_CONTACTS,
  });
  return { ...presentCustomer(customer), contacts };
}
export type CustomerProfileDto = Awaited<ReturnType<typeof getCustomer>>;

/** A customer with its email domains; existing contacts of those domains without a customer join it. */
export async function createCustomer(db: Db, access: WorkspaceAccess, input: CreateCustomerInput): Promise<CustomerDto> {
  requireOwner(access);
  const workspaceId = access.workspace.id;
  await assertDomainsFree(db, workspaceId, input.domains);
  const customer = await writingDomains(input.domains, () =>
    db.$transaction(async (tx) => {
      const created = await tx.customer.create({
        data: { workspaceId, name: input.name, domains: { create: input.domains.map((domain) => ({ workspaceId, domain })) } },
      });
      await linkContactsOfDomains(tx, workspaceId, created.id, input.domains);
      return tx.customer.findUniqueOrThrow({ where: { id: created.id }, include: customerInclude });
    }),
  );
  return presentCustomer(customer);
}

/**
 * Renames the customer or replaces its domains. Contacts of an added domain join it as on create;
 * contacts already linked stay linked when their domain is removed (they may have been linked by hand).
 */
export async function updateCustomer(db: Db, access: WorkspaceAccess, input: UpdateCustomerInput): Promise<CustomerDto> {
  requireOwner(access);
  const workspaceId = access.workspace.id;
  const { customerId, name, domains } = input;
  const existing = await findCustomer(db, workspaceId, customerId);
  if (domains) await assertDomainsFree(db, workspaceId, domains, customerId);
  const before = new Set(existing.domains.map((d) => d.domain));
  const added = (domains ?? []).filter((domain) => !before.has(domain));
  const customer = await writingDomains(added, () =>
    db.$transaction(async (tx) => {
      if (name !== undefined) await tx.customer.update({ where: { id: customerId }, data: { name } });
      if (domains) {
        await tx.customerDomain.deleteMany({ where: { customerId, domain: { notIn: domains } } });
        await tx.customerDomain.createMany({ data: added.map((domain) => ({ workspaceId, customerId, domain })) });
        await linkContactsOfDomains(tx, workspaceId, customerId, added);
      }
      return tx.customer.findUniqueOrThrow({ where: { id: customerId }, include: customerInclude });
    }),
  );
  return presentCustomer(customer);
}
