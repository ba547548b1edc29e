import { listNotificationsSchema, notificationIdSchema } from "@/server/notifications/notifications.schema";
import { listMyNotifications, markNotificationRead } from "@/server/notifications/notifications.service";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

export const notificationRouter = createTRPCRouter({
  list: workspaceProcedure.input(listNotificationsSchema).query(({ ctx, input }) => listMyNotifications(ctx.db, ctx.access, input)),
  markRead: workspaceProcedure.input(notificationIdSchema).mutation(({ ctx, input }) => markNotificationRead(ctx.db, ctx.access, input.notificationId)),
});
