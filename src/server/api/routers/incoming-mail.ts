import { z } from "zod";
import { addIncomingMailAsReply } from "@/server/incoming-mails/add-as-reply";
import { convertIncomingMailToTicket } from "@/server/incoming-mails/convert-to-ticket";
import { listIncomingMailsSchema } from "@/server/incoming-mails/incoming-mails.schema";
import { deleteIncomingMail, listIncomingMails } from "@/server/incoming-mails/incoming-mails.service";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

const mailId = z.object({ incomingMailId: z.string().min(1) });

export const incomingMailRouter = createTRPCRouter({
  list: workspaceProcedure.input(listIncomingMailsSchema).query(({ ctx, input }) => listIncomingMails(ctx.db, ctx.access, input)),
  delete: workspaceProcedure.input(mailId).mutation(({ ctx, input }) => deleteIncomingMail(ctx.db, ctx.access, input.incomingMailId)),
  convertToTicket: workspaceProcedure
    .input(mailId.extend({ customerId: z.string().min(1) }))
    .mutation(({ ctx, input }) => convertIncomingMailToTicket(ctx.db, ctx.access, input.incomingMailId, input.customerId)),
  addAsReply: workspaceProcedure.input(mailId).mutation(({ ctx, input }) => addIncomingMailAsReply(ctx.db, ctx.access, input.incomingMailId)),
});
