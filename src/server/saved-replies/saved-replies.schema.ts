import { z } from "zod";

const name = z.string().trim().min(1, "a name is required").max(80);
const body = z.string().trim().min(1, "the reply needs a text").max(20_000);

export const createSavedReplySchema = z.object({
  name,
  body,
  /** Shared with the whole workspace (owners only) rather than the caller's own. */
  shared: z.boolean().default(false),
});
export type CreateSavedReplyInput = z.infer<typeof createSavedReplySchema>;

export const updateSavedReplySchema = z.object({ name: name.optional(), body: body.optional() });
export type UpdateSavedReplyInput = z.infer<typeof updateSavedReplySchema>;

/** With a ticket, each reply also comes rendered for it (placeholders filled). */
export const listSavedRepliesSchema = z.object({ ticketId: z.uuid().optional() });
export type ListSavedRepliesInput = z.infer<typeof listSavedRepliesSchema>;

export const savedReplyIdSchema = z.object({ savedReplyId: z.string() });
