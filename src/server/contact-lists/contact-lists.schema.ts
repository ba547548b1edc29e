import { z } from "zod";
import { contactEmailSchema } from "@/server/contacts/contacts.schema";
import { pageSchema } from "@/server/pagination";

export const createContactListSchema = z.object({ name: z.string().trim().min(1).max(100) });
export type CreateContactListInput = z.infer<typeof createContactListSchema>;

export const contactListIdSchema = z.object({ listId: z.string() });

export const contactListMemberSchema = contactListIdSchema.extend({ contactId: z.string() });

export const addContactListMemberSchema = z.object({ email: contactEmailSchema });
export type AddContactListMemberInput = z.infer<typeof addContactListMemberSchema>;

export const listContactListMembersSchema = pageSchema;
export type ListContactListMembersInput = z.infer<typeof listContactListMembersSchema>;
