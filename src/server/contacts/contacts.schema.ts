import { z } from "zod";
import { pageSchema } from "@/server/pagination";

export const contactEmailSchema = z.string().trim().toLowerCase().max(320).pipe(z.email());

export const createContactSchema = z.object({
  email: contactEmailSchema,
  name: z.string().trim().min(1).max(200).nullish(),
  // Left out: the customer of the email's domain. null: no customer.
  customerId: z.uuid().nullish(),
});
export type CreateContactInput = z.infer<typeof createContactSchema>;

export const listContactsSchema = pageSchema.extend({
  search: z.string().trim().max(200).optional(),
});
export type ListContactsInput = z.infer<typeof listContactsSchema>;

/** Either field left out stays as it is; an empty or null `name` clears it, a null `customerId` unlinks the customer. */
export const updateContactSchema = z.object({
  name: z
    .string()
    .trim()
    .max(200)
    .transform((name) => name || null)
    .nullish(),
  customerId: z.uuid().nullish(),
});
export type UpdateContactInput = z.infer<typeof updateContactSchema>;
