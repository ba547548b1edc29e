import { z } from "zod";

export const listNotificationsSchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListNotificationsInput = z.infer<typeof listNotificationsSchema>;

export const notificationIdSchema = z.object({ notificationId: z.string().min(1) });
