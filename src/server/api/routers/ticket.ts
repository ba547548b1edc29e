import { listTicketsSchema } from "@/server/tickets/tickets.schema";
import { listTickets } from "@/server/tickets/tickets.service";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

export const ticketRouter = createTRPCRouter({
  list: workspaceProcedure
    .input(listTicketsSchema)
    .query(({ ctx, input }) => listTickets(ctx.db, ctx.access.workspace.id, input)),
});
