import { mailboxIdSchema } from "@/server/mailboxes/mailboxes.schema";
import { listWorkspaceMailboxes, publicBaseUrl, rotateMailboxSecret } from "@/server/mailboxes/mailboxes.service";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

// No request origin here: the URLs fall back to PUBLIC_URL, NEXTAUTH_URL or localhost.
export const mailboxRouter = createTRPCRouter({
  list: workspaceProcedure.query(({ ctx }) => listWorkspaceMailboxes(ctx.db, ctx.access, publicBaseUrl())),
  rotateSecret: workspaceProcedure
    .input(mailboxIdSchema)
    .mutation(({ ctx, input }) => rotateMailboxSecret(ctx.db, ctx.access, input.mailboxId, publicBaseUrl())),
});
