import { z } from "zod";
import { applyMacro, previewMacro } from "@/server/macros/apply-macro";
import { applyMacroSchema, createMacroSchema, macroIdSchema, updateMacroSchema } from "@/server/macros/macros.schema";
import { createMacro, deleteMacro, listMacros, updateMacro } from "@/server/macros/macros.service";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

const onTickets = z.object({ ...macroIdSchema.shape, ...applyMacroSchema.shape });

export const macroRouter = createTRPCRouter({
  list: workspaceProcedure.query(({ ctx }) => listMacros(ctx.db, ctx.access)),
  create: workspaceProcedure.input(createMacroSchema).mutation(({ ctx, input }) => createMacro(ctx.db, ctx.access, input)),
  update: workspaceProcedure
    .input(z.object({ ...macroIdSchema.shape, ...updateMacroSchema.shape }))
    .mutation(({ ctx, input: { macroId, ...changes } }) => updateMacro(ctx.db, ctx.access, macroId, changes)),
  delete: workspaceProcedure.input(macroIdSchema).mutation(({ ctx, input }) => deleteMacro(ctx.db, ctx.access, input.macroId)),
  preview: workspaceProcedure.input(onTickets).query(({ ctx, input: { macroId, ticketIds } }) => previewMacro(ctx.db, ctx.access, macroId, { ticketIds })),
  applyToTickets: workspaceProcedure
    .input(onTickets)
    .mutation(({ ctx, input: { macroId, ticketIds } }) => applyMacro(ctx.db, ctx.access, macroId, { ticketIds })),
});
