import { z } from "zod";
import type { Db } from "@/server/db";

/** The job inbound routing enqueues with the ticket or conversation it created (its follow-up runs the hooks). */
export const NEW_TICKET_JOB = "inbound.new_ticket";

export const newTicketJobPayload = z.object({
  ticketId: z.uuid(),
  messageId: z.uuid(),
  event: z.enum(["ticket_created", "conversation_created"]),
  isAutoReply: z.boolean(),
  isBulk: z.boolean(),
});
export type NewTicketEvent = z.infer<typeof newTicketJobPayload> & { workspaceId: string };

/** What runs when inbound mail creates a ticket or conversation (the automation engine plugs in here). */
export type NewTicketHook = (db: Db, event: NewTicketEvent) => Promise<void>;
