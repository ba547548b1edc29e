import { createApiToken, listApiTokens, revokeApiToken } from "@/server/auth/api-tokens";
import { apiTokenIdSchema, createApiTokenSchema } from "@/server/auth/api-tokens.schema";
import { createTRPCRouter, ownerProcedure, workspaceProcedure } from "../trpc";

/** The caller's own API tokens for the workspace. */
export const apiTokenRouter = createTRPCRouter({
  list: workspaceProcedure.query(({ ctx }) => listApiTokens(ctx.db, ctx.access.workspace.id, ctx.access.user.id)),
  create: ownerProcedure
    .input(createApiTokenSchema)
    .mutation(({ ctx, input }) => createApiToken(ctx.db, { workspaceId: ctx.access.workspace.id, userId: ctx.access.user.id, name: input.name })),
  revoke: ownerProcedure
    .input(apiTokenIdSchema)
    .mutation(({ ctx, input }) => revokeApiToken(ctx.db, ctx.access.workspace.id, ctx.access.user.id, input.tokenId)),
});
