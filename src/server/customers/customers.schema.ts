import { z } from "zod";

// Labels of letters, digits and inner dashes, at least two of them: `example.com`, `mail.acme.co.uk`.
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export const customerDomainSchema = z.string().trim().toLowerCase().regex(DOMAIN, "a domain name such as example.com");

export const createCustomerSchema = z.object({
  name: z.string().trim().min(1).max(200),
  // Lower-cased and deduplicated: contacts are matched on their lower-cased email domain.
  domains: z
    .array(customerDomainSchema)
    .max(100)
    .default([])
    .transform((domains) => [...new Set(domains)]),
});
export type CreateCustomerInput = z.infer<typeof createCustomerSchema>;
