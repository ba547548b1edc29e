import { z } from "zod";

export const listTicketsSchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListTicketsInput = z.infer<typeof listTicketsSchema>;
