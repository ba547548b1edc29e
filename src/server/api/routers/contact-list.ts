import { addContactListMember, listContactListMembers, removeContactListMember } from "@/server/contact-lists/contact-list-members";
import {
  addContactListMemberSchema,
  contactListIdSchema,
  contactListMemberSchema,
  createContactListSchema,
  listContactListMembersSchema,
} from "@/server/contact-lists/contact-lists.schema";
import { createContactList, deleteContactList, listContactLists } from "@/server/contact-lists/contact-lists.service";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

export const contactListRouter = createTRPCRouter({
  list: workspaceProcedure.query(({ ctx }) => listContactLists(ctx.db, ctx.access)),
  create: workspaceProcedure.input(createContactListSchema).mutation(({ ctx, input }) => createContactList(ctx.db, ctx.access, input)),
  delete: workspaceProcedure.input(contactListIdSchema).mutation(({ ctx, input }) => deleteContactList(ctx.db, ctx.access, input.listId)),
  members: workspaceProcedure
    .input(contactListIdSchema.extend(listContactListMembersSchema.shape))
    .query(({ ctx, input }) => listContactListMembers(ctx.db, ctx.access, input.listId, input)),
  addMember: workspaceProcedure
    .input(contactListIdSchema.extend(addContactListMemberSchema.shape))
    .mutation(({ ctx, input }) => addContactListMember(ctx.db, ctx.access, input.listId, input)),
  removeMember: workspaceProcedure
    .input(contactListMemberSchema)
    .mutation(({ ctx, input }) => removeContactListMember(ctx.db, ctx.access, input.listId, input.contactId)),
});
