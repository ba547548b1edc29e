import { updateWorkspaceSchema } from "@/server/workspaces/workspaces.schema";
import { listWorkspaces, presentWorkspace, updateWorkspace } from "@/server/workspaces/workspaces.service";
import { createTRPCRouter, protectedProcedure, workspaceProcedure } from "../trpc";

export const workspaceRouter = createTRPCRouter({
  mine: protectedProcedure.query(({ ctx }) => listWorkspaces(ctx.db, ctx.caller.userId, ctx.caller.kind === "token" ? ctx.caller.workspaceId : undefined)),
  get: workspaceProcedure.query(({ ctx }) => presentWorkspace(ctx.access.workspace, ctx.access.role)),
  update: workspaceProcedure.input(updateWorkspaceSchema).mutation(({ ctx, input }) => updateWorkspace(ctx.db, ctx.access, input)),
});
