import { appConfig } from "@/env";
import type { Db } from "@/server/db";
import { recordEmail } from "@/server/outbound-mail/send-email";
import type { NotificationTopic } from "./notification-types";

export interface NoticeRecipient {
  id: string;
  email: string;
}

export interface Notice {
  workspaceId: string;
  topic: NotificationTopic;
  /** The notification's own type (a topic, or the kind of incoming mail). */
  type: string;
  title: string;
  body: string | null;
  ticketId?: string | null;
  incomingMailId?: string | null;
  createdAt?: Date;
  /** The email's text after the title and body: what to do about it. */
  emailHint: string;
  /** Unique per event: with the user's id it keys the notification and the email, so a job that runs again adds nothing. */
  key: string;
}

/**
 * Tells members about one event as each of them chose for its topic (no choice saved: in the app and
 * by email): an in-app notification, and an email when SMTP is configured. Safe to run again.
 */
export async function notifyMembers(db: Db, recipients: NoticeRecipient[], notice: Notice): Promise<void> {
  if (recipients.length === 0) return;
  const preferences = await db.notificationPreference.findMany({
    where: { workspaceId: notice.workspaceId, type: notice.topic, userId: { in: recipients.map((r) => r.id) } },
  });
  const choice = new Map(preferences.map((p) => [p.userId, p]));
  const inApp = recipients.filter((r) => choice.get(r.id)?.inApp ?? true);
  await db.notification.createMany({
    data: inApp.map((recipient) => ({
      workspaceId: notice.workspaceId,
      userId: recipient.id,
      type: notice.type,
      title: notice.title,
      body: notice.body,
      ticketId: notice.ticketId ?? null,
      incomingMailId: notice.incomingMailId ?? null,
      dedupeKey: `${notice.key}:${recipient.id}`,
      createdAt: notice.createdAt,
    })),
    skipDuplicates: true,
  });
  if (appConfig().SMTP_URL === undefined) return;
  for (const recipient of recipients.filter((r) => choice.get(r.id)?.email ?? true)) {
    await db.$transaction((tx) =>
      recordEmail(tx, {
        workspaceId: notice.workspaceId,
        kind: "notification",
        to: recipient.email,
        subject: notice.title,
        text: `${notice.title}.\n${notice.body ?? ""}\n\n${notice.emailHint}\n`,
        dedupeKey: `${notice.key}:${recipient.id}`,
      }),
    );
  }
}
