import { z } from "zod";
import { notificationTopicSchema } from "./notification-types";

export const listNotificationsSchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListNotificationsInput = z.infer<typeof listNotificationsSchema>;

export const notificationIdSchema = z.object({ notificationId: z.string().min(1) });

export const setPreferenceSchema = z.object({
  topic: notificationTopicSchema,
  inApp: z.boolean(),
  email: z.boolean(),
});
export type SetPreferenceInput = z.infer<typeof setPreferenceSchema>;
