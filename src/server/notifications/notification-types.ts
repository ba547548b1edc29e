import { z } from "zod";

/**
 * What a member can be told about, as the preferences name it. `incoming_mail` covers both kinds of
 * mail that needs a human (a held reply, a discarded unmatched mail).
 */
export const NOTIFICATION_TOPICS = ["assigned", "customer_replied", "mentioned", "snooze_ended", "incoming_mail", "sla"] as const;
export const notificationTopicSchema = z.enum(NOTIFICATION_TOPICS);
export type NotificationTopic = z.infer<typeof notificationTopicSchema>;

/** The kinds of notification that point at a ticket, cleared when their member opens it. */
export const TICKET_NOTIFICATION_TYPES = ["assigned", "customer_replied", "mentioned", "snooze_ended"] as const;
export type TicketNotificationType = (typeof TICKET_NOTIFICATION_TYPES)[number];

/** SLA notices about a ticket assigned to the member (topic "sla"), cleared like the others when they open it. */
export const SLA_NOTIFICATION_TYPES = ["sla_warning", "sla_breached"] as const;
