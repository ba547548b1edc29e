import { z } from "zod";
import { createContact, listContacts } from "@/server/contacts/contact-directory";
import { getContact, updateContact } from "@/server/contacts/contact-profile";
import { createContactSchema, listContactsSchema, updateContactSchema } from "@/server/contacts/contacts.schema";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

const contactId = z.object({ contactId: z.string() });

export const contactRouter = createTRPCRouter({
  list: workspaceProcedure.input(listContactsSchema).query(({ ctx, input }) => listContacts(ctx.db, ctx.access, input)),
  get: workspaceProcedure.input(contactId).query(({ ctx, input }) => getContact(ctx.db, ctx.access, input.contactId)),
  create: workspaceProcedure.input(createContactSchema).mutation(({ ctx, input }) => createContact(ctx.db, ctx.access, input)),
  update: workspaceProcedure
    .input(updateContactSchema.extend(contactId.shape))
    .mutation(({ ctx, input: { contactId, ...patch } }) => updateContact(ctx.db, ctx.access, contactId, patch)),
});
