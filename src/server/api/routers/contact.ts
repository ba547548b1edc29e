import { createContact, listContacts } from "@/server/contacts/contact-directory";
import { createContactSchema, listContactsSchema } from "@/server/contacts/contacts.schema";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

export const contactRouter = createTRPCRouter({
  list: workspaceProcedure.input(listContactsSchema).query(({ ctx, input }) => listContacts(ctx.db, ctx.access, input)),
  create: workspaceProcedure.input(createContactSchema).mutation(({ ctx, input }) => createContact(ctx.db, ctx.access, input)),
});
