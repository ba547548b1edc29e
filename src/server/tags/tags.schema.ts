import { z } from "zod";

export const createTagSchema = z.object({
  name: z.string().trim().min(1).max(50),
  color: z
    .string()
    .trim()
    .regex(/^#[0-9a-f]{6}$/i, "a colour as #rrggbb")
    .toLowerCase()
    .optional(),
});
export type CreateTagInput = z.infer<typeof createTagSchema>;

export const tagIdSchema = z.object({ tagId: z.string() });
