import { z } from "zod";
import { addTicketMessage } from "@/server/tickets/add-message";
import { bulkUpdateTickets } from "@/server/tickets/bulk-update";
import { createTicket } from "@/server/tickets/create-ticket";
import { mergeTicket } from "@/server/tickets/merge-ticket";
import { snoozeTicket, snoozeTicketSchema, unsnoozeTicket } from "@/server/tickets/snooze";
import { splitTicket } from "@/server/tickets/split-ticket";
import { changeTicketStatus, setTicketArchived } from "@/server/tickets/ticket-status";
import {
  addMessageSchema,
  bulkUpdateTicketsSchema,
  changeStatusSchema,
  createTicketSchema,
  listTicketsSchema,
  mergeTicketSchema,
  splitTicketSchema,
  ticketCountsSchema,
  updateTicketSchema,
} from "@/server/tickets/tickets.schema";
import { saveDraftSchema } from "@/server/tickets/ticket-drafts.schema";
import { discardTicketDraft, getTicketDraft, saveTicketDraft } from "@/server/tickets/ticket-drafts";
import { undoReply } from "@/server/tickets/undo-reply";
import { countTicketTabs } from "@/server/tickets/ticket-counts";
import { countUnreadTickets, markTicketRead } from "@/server/tickets/read-state";
import { getTicketDetail, listTickets } from "@/server/tickets/tickets.service";
import { updateTicket } from "@/server/tickets/update-ticket";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

const ticketId = z.object({ ticketId: z.uuid() });

export const ticketRouter = createTRPCRouter({
  list: workspaceProcedure.input(listTicketsSchema).query(({ ctx, input }) => listTickets(ctx.db, ctx.access, input)),
  counts: workspaceProcedure.input(ticketCountsSchema).query(({ ctx, input }) => countTicketTabs(ctx.db, ctx.access, input)),
  get: workspaceProcedure.input(ticketId).query(({ ctx, input }) => getTicketDetail(ctx.db, ctx.access, input.ticketId)),
  markRead: workspaceProcedure.input(ticketId).mutation(({ ctx, input }) => markTicketRead(ctx.db, ctx.access, input.ticketId)),
  unreadCount: workspaceProcedure.query(({ ctx }) => countUnreadTickets(ctx.db, ctx.access)),
  create: workspaceProcedure.input(createTicketSchema).mutation(({ ctx, input }) => createTicket(ctx.db, ctx.access, input)),
  update: workspaceProcedure
    .input(ticketId.extend(updateTicketSchema.shape))
    .mutation(({ ctx, input: { ticketId, ...patch } }) => updateTicket(ctx.db, ctx.access, ticketId, patch)),
  bulkUpdate: workspaceProcedure.input(bulkUpdateTicketsSchema).mutation(({ ctx, input }) => bulkUpdateTickets(ctx.db, ctx.access, input)),
  addMessage: workspaceProcedure
    .input(ticketId.extend(addMessageSchema.shape))
    .mutation(({ ctx, input: { ticketId, ...message } }) => addTicketMessage(ctx.db, ctx.access, ticketId, message)),
  undoReply: workspaceProcedure
    .input(ticketId.extend({ messageId: z.uuid() }))
    .mutation(({ ctx, input }) => undoReply(ctx.db, ctx.access, input.ticketId, input.messageId)),
  draft: workspaceProcedure.input(ticketId).query(({ ctx, input }) => getTicketDraft(ctx.db, ctx.access, input.ticketId)),
  saveDraft: workspaceProcedure
    .input(ticketId.extend(saveDraftSchema.shape))
    .mutation(({ ctx, input: { ticketId, ...draft } }) => saveTicketDraft(ctx.db, ctx.access, ticketId, draft)),
  discardDraft: workspaceProcedure.input(ticketId).mutation(({ ctx, input }) => discardTicketDraft(ctx.db, ctx.access, input.ticketId)),
  setStatus: workspaceProcedure
    .input(ticketId.extend(changeStatusSchema.shape))
    .mutation(({ ctx, input: { ticketId, ...change } }) => changeTicketStatus(ctx.db, ctx.access, ticketId, change)),
  merge: workspaceProcedure
    .input(ticketId.extend(mergeTicketSchema.shape))
    .mutation(({ ctx, input }) => mergeTicket(ctx.db, ctx.access, input.ticketId, input.targetTicketId)),
  split: workspaceProcedure
    .input(ticketId.extend(splitTicketSchema.shape))
    .mutation(({ ctx, input: { ticketId, ...split } }) => splitTicket(ctx.db, ctx.access, ticketId, split)),
  archive: workspaceProcedure.input(ticketId).mutation(({ ctx, input }) => setTicketArchived(ctx.db, ctx.access, input.ticketId, true)),
  unarchive: workspaceProcedure.input(ticketId).mutation(({ ctx, input }) => setTicketArchived(ctx.db, ctx.access, input.ticketId, false)),
  snooze: workspaceProcedure
    .input(ticketId.extend(snoozeTicketSchema.shape))
    .mutation(({ ctx, input: { ticketId, ...snooze } }) => snoozeTicket(ctx.db, ctx.access, ticketId, snooze)),
  unsnooze: workspaceProcedure.input(ticketId).mutation(({ ctx, input }) => unsnoozeTicket(ctx.db, ctx.access, input.ticketId)),
});
