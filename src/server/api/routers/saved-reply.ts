import { z } from "zod";
import { createSavedReplySchema, listSavedRepliesSchema, savedReplyIdSchema, updateSavedReplySchema } from "@/server/saved-replies/saved-replies.schema";
import { createSavedReply, deleteSavedReply, listSavedReplies, updateSavedReply } from "@/server/saved-replies/saved-replies.service";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

export const savedReplyRouter = createTRPCRouter({
  list: workspaceProcedure.input(listSavedRepliesSchema).query(({ ctx, input }) => listSavedReplies(ctx.db, ctx.access, input)),
  create: workspaceProcedure.input(createSavedReplySchema).mutation(({ ctx, input }) => createSavedReply(ctx.db, ctx.access, input)),
  update: workspaceProcedure
    .input(z.object({ ...savedReplyIdSchema.shape, ...updateSavedReplySchema.shape }))
    .mutation(({ ctx, input: { savedReplyId, ...changes } }) => updateSavedReply(ctx.db, ctx.access, savedReplyId, changes)),
  delete: workspaceProcedure.input(savedReplyIdSchema).mutation(({ ctx, input }) => deleteSavedReply(ctx.db, ctx.access, input.savedReplyId)),
});
