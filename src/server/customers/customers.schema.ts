import { z } from "zod";

// Labels of letters, digits and inner dashes, at least two of them: `example.com`, `mail.acme.co.uk`.
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export const customerDomainSchema = z.string().trim().toLowerCase().regex(DOMAIN, "a domain name such as example.com");

// Lower-cased and deduplicated: contacts are matched on their lower-cased email domain.
const domainsSchema = z
  .array(customerDomainSchema)
  .max(100)
  .transform((domains) => [...new Set(domains)]);

const customerName = z.string().trim().min(1).max(200);

export const createCustomerSchema = z.object({ name: customerName, domains: domainsSchema.default([]) });
export type CreateCustomerInput = z.infer<typeof createCustomerSchema>;

/** Either field left out stays as it is; `domains` replaces the whole set. */
export const updateCustomerSchema = z.object({ customerId: z.string(), name: customerName.optional(), domains: domainsSchema.optional() });
export type UpdateCustomerInput = z.infer<typeof updateCustomerSchema>;
