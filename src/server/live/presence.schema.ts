import { z } from "zod";
import { presenceStates } from "./live-events";

export const reportPresenceSchema = z.object({
  ticketId: z.uuid(),
  // "left": the page closed; the entry goes at once instead of at its expiry.
  state: z.enum([...presenceStates, "left"]),
});
export type ReportPresenceInput = z.infer<typeof reportPresenceSchema>;

export const listPresenceSchema = z.object({ ticketId: z.uuid().optional() });
export type ListPresenceInput = z.infer<typeof listPresenceSchema>;
