import { createTagSchema, tagIdSchema } from "@/server/tags/tags.schema";
import { createTag, deleteTag, listTags } from "@/server/tags/tags.service";
import { createTRPCRouter, ownerProcedure, workspaceProcedure } from "../trpc";

export const tagRouter = createTRPCRouter({
  list: workspaceProcedure.query(({ ctx }) => listTags(ctx.db, ctx.access.workspace.id)),
  create: workspaceProcedure.input(createTagSchema).mutation(({ ctx, input }) => createTag(ctx.db, ctx.access.workspace.id, input)),
  delete: ownerProcedure.input(tagIdSchema).mutation(({ ctx, input }) => deleteTag(ctx.db, ctx.access.workspace.id, input.tagId)),
});
