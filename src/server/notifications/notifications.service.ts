import { z } from "zod";
import type { Notification } from "@/generated/prisma/client";
import type { WorkspaceAccess } from "@/server/auth/access";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import type { ListNotificationsInput } from "./notifications.schema";

export function presentNotification(notification: Notification) {
  return {
    id: notification.id,
    type: notification.type,
    title: notification.title,
    body: notification.body,
    incomingMailId: notification.incomingMailId,
    ticketId: notification.ticketId,
    readAt: notification.readAt?.toISOString() ?? null,
    createdAt: notification.createdAt.toISOString(),
  };
}
export type NotificationDto = ReturnType<typeof presentNotification>;

/** The caller's notifications in this workspace: the unread ones newest first, then the most recently read; and the unread count. */
export async function listMyNotifications(db: Db, access: WorkspaceAccess, input: ListNotificationsInput) {
  const mine = { workspaceId: access.workspace.id, userId: access.user.id };
  const [notifications, unreadCount] = await Promise.all([
    db.notification.findMany({
      where: mine,
      orderBy: [{ readAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "desc" }],
      take: input.limit,
    }),
    db.notification.count({ where: { ...mine, readAt: null } }),
  ]);
  return { notifications: notifications.map(presentNotification), unreadCount };
}

/** Marks one of the caller's notifications read (another user's, or another workspace's, is NOT_FOUND). */
export async function markNotificationRead(db: Db, access: WorkspaceAccess, notificationId: string): Promise<NotificationDto> {
  if (!z.uuid().safeParse(notificationId).success) throw notFound("Notification");
  const where = { id: notificationId, workspaceId: access.workspace.id, userId: access.user.id };
  await db.notification.updateMany({ where: { ...where, readAt: null }, data: { readAt: new Date() } });
  const notification = await db.notification.findFirst({ where });
  if (!notification) throw notFound("Notification");
  return presentNotification(notification);
}

/** Marks every unread notification of the caller in this workspace read. */
export async function markAllNotificationsRead(db: Db, access: WorkspaceAccess): Promise<{ marked: number }> {
  const { count } = await db.notification.updateMany({
    where: { workspaceId: access.workspace.id, userId: access.user.id, readAt: null },
    data: { readAt: new Date() },
  });
  return { marked: count };
}
