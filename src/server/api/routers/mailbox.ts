import { listWorkspaceMailboxes, publicBaseUrl } from "@/server/mailboxes/mailboxes.service";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

export const mailboxRouter = createTRPCRouter({
  // No request origin here: the URLs fall back to PUBLIC_URL, NEXTAUTH_URL or localhost.
  list: workspaceProcedure.query(({ ctx }) => listWorkspaceMailboxes(ctx.db, ctx.access, publicBaseUrl())),
});
