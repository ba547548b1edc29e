import { z } from "zod";

export const mailboxIdSchema = z.object({ mailboxId: z.string() });
