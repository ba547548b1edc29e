import { z } from "zod";
import { TICKET_TABS, type TicketTab } from "@/server/tickets/ticket-counts";
import { ticketCountsSchema } from "@/server/tickets/tickets.schema";

const tabs = Object.keys(TICKET_TABS) as [TicketTab, ...TicketTab[]];

/** What a view shows: an inbox tab and the filters inside it (the same as the list's). */
export const viewFiltersSchema = ticketCountsSchema.extend({ tab: z.enum(tabs).default("open") });
export type ViewFilters = z.output<typeof viewFiltersSchema>;

export const createViewSchema = z.object({
  name: z.string().trim().min(1).max(60),
  /** Shared with the whole team (owners only), or the caller's own. */
  shared: z.boolean().default(false),
  filters: viewFiltersSchema,
});
export type CreateViewInput = z.input<typeof createViewSchema>;

export const updateViewSchema = z.object({ name: createViewSchema.shape.name.optional(), filters: viewFiltersSchema.optional() });
export type UpdateViewInput = z.input<typeof updateViewSchema>;
