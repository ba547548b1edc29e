import { createCallerFactory, createTRPCRouter } from "./trpc";
import { ticketRouter } from "./routers/ticket";
import { workspaceRouter } from "./routers/workspace";

export const appRouter = createTRPCRouter({
  workspace: workspaceRouter,
  ticket: ticketRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side caller (tests, server components). */
export const createCaller = createCallerFactory(appRouter);
