import { listMembers } from "@/server/members/members.service";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

export const memberRouter = createTRPCRouter({
  list: workspaceProcedure.query(({ ctx }) => listMembers(ctx.db, ctx.access.workspace.id)),
});
