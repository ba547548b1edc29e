import type { Prisma } from "@/generated/prisma/client";
import { byName } from "@/server/collation";
import type { Db } from "@/server/db";
import { AppError, isUniqueViolation } from "@/server/errors";
import type { CreateCustomerInput } from "./customers.schema";

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

export async function listCustomers(db: Db, workspaceId: string): Promise<CustomerDto[]> {
  const customers = await db.customer.findMany({ where: { workspaceId }, include: customerInclude, orderBy: { createdAt: "asc" } });
  return customers.sort(byName).map(presentCustomer);
}

function domainsTaken(domains: string[]) {
  const list = domains.join(", ");
  return new AppError("CONFLICT", `Another customer already has the domain${domains.length > 1 ? "s" : ""} ${list}`, { domains });
}

/**
 * A customer with its email domains (each domain belongs to one customer of the workspace). Existing
 * contacts of those domains that have no customer yet are linked to it, as new ones are on arrival.
 */
export async function createCustomer(db: Db, workspaceId: string, input: CreateCustomerInput): Promise<CustomerDto> {
  const taken = await db.customerDomain.findMany({ where: { workspaceId, domain: { in: input.domains } }, select: { domain: true } });
  if (taken.length > 0) throw domainsTaken(taken.map((d) => d.domain).sort());
  try {
    const customer = await db.$transaction(async (tx) => {
      const created = await tx.customer.create({
        data: { workspaceId, name: input.name, domains: { create: input.domains.map((domain) => ({ workspaceId, domain })) } },
      });
      if (input.domains.length > 0) {
        await tx.contact.updateMany({
          where: { workspaceId, customerId: null, OR: input.domains.map((domain) => ({ email: { endsWith: `@${domain}` } })) },
          data: { customerId: created.id },
        });
      }
      return tx.customer.findUniqueOrThrow({ where: { id: created.id }, include: customerInclude });
    });
    return presentCustomer(customer);
  } catch (error) {
    // Another request took one of the domains between the check and the insert.
    if (isUniqueViolation(error)) throw domainsTaken(input.domains);
    throw error;
  }
}
