import { createApiToken, listApiTokens, revokeApiToken } from "@/server/auth/api-tokens";
import { apiTokenIdSchema, createApiTokenSchema } from "@/server/auth/api-tokens.schema";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

/** The caller's own API tokens for the workspace. */
export const apiTokenRouter = createTRPCRouter({
  list: workspaceProcedure.query(({ ctx }) => listApiTokens(ctx.db, ctx.access)),
  create: workspaceProcedure.input(createApiTokenSchema).mutation(({ ctx, input }) => createApiToken(ctx.db, ctx.access, input)),
  revoke: workspaceProcedure.input(apiTokenIdSchema).mutation(({ ctx, input }) => revokeApiToken(ctx.db, ctx.access, input.tokenId)),
});
