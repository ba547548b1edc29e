import { addContactListMember, listContactListMembers, removeContactListMember } from "@/server/contact-lists/contact-list-members";
import {
  addContactListMemberSchema,
  contactListIdSchema,
  contactListMemberSchema,
  createContactListSchema,
  listContactListMembersSchema,
} from "@/server/contact-lists/contact-lists.schema";
import { createContactList, deleteContactList, listContactLists } from "@/server/contact-lists/contact-lists.service";
import { createTRPCRouter, ownerProcedure, workspaceProcedure } from "../trpc";

export const contactListRouter = createTRPCRouter({
  list: workspaceProcedure.query(({ ctx }) => listContactLists(ctx.db, ctx.access.workspace.id)),
  create: ownerProcedure
    .input(createContactListSchema)
    .mutation(({ ctx, input }) => createContactList(ctx.db, ctx.access.workspace.id, input)),
  delete: ownerProcedure
    .input(contactListIdSchema)
    .mutation(({ ctx, input }) => deleteContactList(ctx.db, ctx.access.workspace.id, input.listId)),
  members: workspaceProcedure
    .input(contactListIdSchema.extend(listContactListMembersSchema.shape))
    .query(({ ctx, input }) => listContactListMembers(ctx.db, ctx.access.workspace.id, input.listId, input)),
  addMember: ownerProcedure
    .input(contactListIdSchema.extend(addContactListMemberSchema.shape))
    .mutation(({ ctx, input }) => addContactListMember(ctx.db, ctx.access.workspace.id, input.listId, input)),
  removeMember: ownerProcedure
    .input(contactListMemberSchema)
    .mutation(({ ctx, input }) => removeContactListMember(ctx.db, ctx.access.workspace.id, input.listId, input.contactId)),
});
