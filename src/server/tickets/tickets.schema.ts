import { z } from "zod";
import { decodeTicketCursor, TICKET_ORDERS, ticketCursorSchema } from "./ticket-cursor";

const repeatable = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]), z.array(item).optional());
const ticketStatus = z.enum(["open", "pending", "closed", "merged"]);
const priority = z.enum(["low", "normal", "high", "urgent"]);

const listTicketsFields = z.object({
  status: repeatable(ticketStatus),
  /** A member's user id, `me`, or `none` for unassigned tickets. */
  assignee: z.union([z.uuid(), z.literal("none"), z.literal("me")]).optional(),
  priority: repeatable(priority),
  /** A contact's id: that person's tickets. */
  contact: z.uuid().optional(),
  /** A customer's id: the tickets of that company's contacts. */
  customer: z.uuid().optional(),
  /** A mailbox's id: the tickets and conversations that came in through it. */
  mailbox: z.uuid().optional(),
  /** `true`: only tickets a customer wrote on since the caller last opened them. */
  unread: z.stringbool().or(z.boolean()).optional(),
  /** Tag names; a ticket must carry all of them. */
  tags: repeatable(z.string().trim().min(1).max(50)),
  search: z.string().trim().max(200).optional(),
  /** `due`: tickets with an SLA target pending; `breached`: those past a due time. */
  sla: z.enum(["due", "breached"]).optional(),
  /** `activity` (default): newest activity first; `due`: soonest SLA due time first, tickets with one only. */
  sort: z.enum(TICKET_ORDERS).default("activity"),
  /** `true` lists only snoozed tickets, `false` leaves them out; unset lists both. */
  snoozed: z.stringbool().or(z.boolean()).optional(),
  /** `true` lists archived tickets (which are otherwise left out). */
  archived: z.stringbool().or(z.boolean()).optional().default(false),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  /** `nextCursor` of the previous page: the page after it, as fast at any depth (instead of `offset`). */
  cursor: ticketCursorSchema.optional(),
  /** `exact` (default) counts every match for the total; `none` skips it (the inbox counts its tabs apart). */
  count: z.enum(["exact", "none"]).default("exact"),
});
/** Filters of GET /tickets (query string; `status`, `tags` and `priority` may repeat). */
export const listTicketsSchema = listTicketsFields
  .refine((filters) => !(filters.cursor && filters.offset > 0), {
    path: ["offset"],
    message: "Page with cursor or with offset, not both",
  })
  .refine((filters) => !filters.cursor || decodeTicketCursor(filters.cursor)?.order === filters.sort, {
    path: ["cursor"],
    message: "This cursor belongs to another sort order",
  });
/** The filters that narrow a list inside a tab (what the tab counts share with the list). */
export const ticketCountsSchema = listTicketsFields.pick({
  assignee: true,
  priority: true,
  contact: true,
  customer: true,
  mailbox: true,
  unread: true,
  tags: true,
  search: true,
  sla: true,
});
export type TicketCountsInput = z.input<typeof ticketCountsSchema>;
export type ListTicketsInput = z.input<typeof listTicketsSchema>;
export type ListTicketsFilters = z.output<typeof listTicketsSchema>;

export const createTicketSchema = z.object({
  subject: z.string().trim().min(1).max(500),
  body: z.string().min(1).max(1_000_000),
  /** The customer the ticket is for; without it the body is an internal note of the caller. */
  contact: z.object({ email: z.email(), name: z.string().trim().max(200).optional() }).optional(),
  priority: priority.optional(),
  assigneeId: z.uuid().nullable().optional(),
  tags: z.array(z.string().trim().min(1).max(50)).max(50).optional(),
});
export type CreateTicketInput = z.infer<typeof createTicketSchema>;

export const updateTicketSchema = z.object({
  subject: z.string().trim().min(1).max(500).optional(),
  /** null unassigns. */
  assigneeId: z.uuid().nullable().optional(),
  priority: priority.optional(),
  /** The ticket's whole tag set, by name; unknown names are created. */
  tags: z.array(z.string().trim().min(1).max(50)).max(50).optional(),
});
export type UpdateTicketInput = z.infer<typeof updateTicketSchema>;

export const addMessageSchema = z.object({
  body: z.string().min(1).max(1_000_000),
  bodyHtml: z.string().max(5_000_000).optional(),
  isInternal: z.boolean().default(false),
  sendEmail: z.boolean().default(false),
  toAddresses: z.array(z.email()).max(50).optional(),
  ccAddresses: z.array(z.email()).max(50).optional(),
  attachmentIds: z.array(z.uuid()).max(50).optional(),
  /** The last message of the thread the writer saw: a reply is refused (409) if others arrived since. */
  lastSeenMessageId: z.uuid().optional(),
  /** "Send and set pending / close": the ticket's status after the message, in the same commit. */
  statusAfter: z.enum(["open", "pending", "closed"]).optional(),
});
export type AddMessageInput = z.infer<typeof addMessageSchema>;

export const changeStatusSchema = z.object({
  toStatus: z.enum(["open", "pending", "closed"]),
  reason: z.string().trim().max(500).optional(),
});
export type ChangeStatusInput = z.infer<typeof changeStatusSchema>;

export const mergeTicketSchema = z.object({ targetTicketId: z.uuid() });
export const splitTicketSchema = z.object({
  messageIds: z.array(z.uuid()).min(1).max(500),
  newSubject: z.string().trim().min(1).max(500),
});
export type SplitTicketInput = z.infer<typeof splitTicketSchema>;

/** One action on many tickets (the inbox's bulk bar; POST /tickets/bulk). */
export const bulkUpdateTicketsSchema = z.object({
  ticketIds: z.array(z.uuid()).min(1).max(500),
  action: z.discriminatedUnion("type", [
    z.object({ type: z.literal("close") }),
    /** Pending or closed tickets become open again (a scheduled closure is cancelled). */
    z.object({ type: z.literal("reopen") }),
    /** null unassigns. */
    z.object({ type: z.literal("assign"), assigneeId: z.uuid().nullable() }),
    z.object({ type: z.literal("add_tag"), tag: z.string().trim().min(1).max(50) }),
    z.object({ type: z.literal("remove_tag"), tag: z.string().trim().min(1).max(50) }),
  ]),
});
export type BulkUpdateTicketsInput = z.infer<typeof bulkUpdateTicketsSchema>;
