import { listNotificationsSchema, notificationIdSchema, setPreferenceSchema } from "@/server/notifications/notifications.schema";
import { listMyNotifications, markAllNotificationsRead, markNotificationRead } from "@/server/notifications/notifications.service";
import { myNotificationPreferences, setMyNotificationPreference } from "@/server/notifications/preferences";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

export const notificationRouter = createTRPCRouter({
  list: workspaceProcedure.input(listNotificationsSchema).query(({ ctx, input }) => listMyNotifications(ctx.db, ctx.access, input)),
  markRead: workspaceProcedure.input(notificationIdSchema).mutation(({ ctx, input }) => markNotificationRead(ctx.db, ctx.access, input.notificationId)),
  markAllRead: workspaceProcedure.mutation(({ ctx }) => markAllNotificationsRead(ctx.db, ctx.access)),
  preferences: workspaceProcedure.query(({ ctx }) => myNotificationPreferences(ctx.db, ctx.access)),
  setPreference: workspaceProcedure.input(setPreferenceSchema).mutation(({ ctx, input }) => setMyNotificationPreference(ctx.db, ctx.access, input)),
});
