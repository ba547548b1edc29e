import { changeMemberRole, inviteMember, removeMember } from "@/server/members/member-changes";
import { changeRoleSchema, inviteMemberSchema, memberIdSchema } from "@/server/members/members.schema";
import { listMembers } from "@/server/members/members.service";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

export const memberRouter = createTRPCRouter({
  list: workspaceProcedure.query(({ ctx }) => listMembers(ctx.db, ctx.access)),
  invite: workspaceProcedure.input(inviteMemberSchema).mutation(({ ctx, input }) => inviteMember(ctx.db, ctx.access, input)),
  changeRole: workspaceProcedure.input(changeRoleSchema).mutation(({ ctx, input }) => changeMemberRole(ctx.db, ctx.access, input.userId, input.role)),
  remove: workspaceProcedure.input(memberIdSchema).mutation(({ ctx, input }) => removeMember(ctx.db, ctx.access, input.userId)),
});
