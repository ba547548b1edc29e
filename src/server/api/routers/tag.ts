import { createTagSchema, tagIdSchema } from "@/server/tags/tags.schema";
import { createTag, deleteTag, listTags } from "@/server/tags/tags.service";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

export const tagRouter = createTRPCRouter({
  list: workspaceProcedure.query(({ ctx }) => listTags(ctx.db, ctx.access)),
  create: workspaceProcedure.input(createTagSchema).mutation(({ ctx, input }) => createTag(ctx.db, ctx.access, input)),
  delete: workspaceProcedure.input(tagIdSchema).mutation(({ ctx, input }) => deleteTag(ctx.db, ctx.access, input.tagId)),
});
