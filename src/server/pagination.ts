import { z } from "zod";

/** `limit` 1–500 (default 100) and `offset`, as every paged list takes them. */
export const pageSchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type PageInput = z.infer<typeof pageSchema>;
