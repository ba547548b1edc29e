import { listPresenceSchema, reportPresenceSchema } from "@/server/live/presence.schema";
import { listPresence, reportPresence } from "@/server/live/presence.service";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

export const presenceRouter = createTRPCRouter({
  list: workspaceProcedure.input(listPresenceSchema).query(({ ctx, input }) => listPresence(ctx.access, input)),
  report: workspaceProcedure
    .meta({ enqueuesNoJobs: true })
    .input(reportPresenceSchema)
    .mutation(({ ctx, input }) => reportPresence(ctx.db, ctx.access, input)),
});
