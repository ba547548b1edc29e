import { listOutboundEmails } from "@/server/outbound-mail/outbound-log";
import { listOutboundEmailsSchema } from "@/server/outbound-mail/outbound-log.schema";
import { smtpStatus } from "@/server/outbound-mail/transport";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

export const outboundEmailRouter = createTRPCRouter({
  list: workspaceProcedure.input(listOutboundEmailsSchema).query(({ ctx, input }) => listOutboundEmails(ctx.db, ctx.access, input)),
  smtpStatus: workspaceProcedure.query(() => smtpStatus()),
});
