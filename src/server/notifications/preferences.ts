import type { WorkspaceAccess } from "@/server/auth/access";
import type { Db } from "@/server/db";
import { NOTIFICATION_TOPICS, type NotificationTopic } from "./notification-types";
import type { SetPreferenceInput } from "./notifications.schema";

export interface NotificationPreferenceDto {
  topic: NotificationTopic;
  inApp: boolean;
  email: boolean;
}

/** The caller's choice for every topic in this workspace (unsaved ones: both on). */
export async function myNotificationPreferences(db: Db, access: WorkspaceAccess): Promise<NotificationPreferenceDto[]> {
  const saved = await db.notificationPreference.findMany({ where: { workspaceId: access.workspace.id, userId: access.user.id } });
  const byTopic = new Map(saved.map((p) => [p.type, p]));
  return NOTIFICATION_TOPICS.map((topic) => ({ topic, inApp: byTopic.get(topic)?.inApp ?? true, email: byTopic.get(topic)?.email ?? true }));
}

/** Saves the caller's choice for one topic; every member decides for themselves only. */
export async function setMyNotificationPreference(db: Db, access: WorkspaceAccess, input: SetPreferenceInput): Promise<NotificationPreferenceDto[]> {
  const key = { workspaceId: access.workspace.id, userId: access.user.id, type: input.topic };
  await db.notificationPreference.upsert({
    where: { workspaceId_userId_type: key },
    create: { ...key, inApp: input.inApp, email: input.email },
    update: { inApp: input.inApp, email: input.email },
  });
  return myNotificationPreferences(db, access);
}
