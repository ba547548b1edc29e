import { z } from "zod";
import { createViewSchema, updateViewSchema } from "@/server/views/saved-views.schema";
import { createView, deleteView, listViews, updateView } from "@/server/views/saved-views";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

const viewId = z.object({ viewId: z.string() });

export const viewRouter = createTRPCRouter({
  list: workspaceProcedure.query(({ ctx }) => listViews(ctx.db, ctx.access)),
  create: workspaceProcedure.input(createViewSchema).mutation(({ ctx, input }) => createView(ctx.db, ctx.access, input)),
  update: workspaceProcedure
    .input(viewId.extend(updateViewSchema.shape))
    .mutation(({ ctx, input: { viewId, ...patch } }) => updateView(ctx.db, ctx.access, viewId, patch)),
  delete: workspaceProcedure.input(viewId).mutation(({ ctx, input }) => deleteView(ctx.db, ctx.access, input.viewId)),
});
