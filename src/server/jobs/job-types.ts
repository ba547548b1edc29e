import { z } from "zod";
import { TICKET_NOTIFICATION_TYPES } from "@/server/notifications/notification-types";
import { SLA_TARGETS } from "@/server/sla/sla-targets";

/**
 * Every kind of durable job, by name, with the payload it carries. Domain code enqueues by these
 * names (enqueueJob checks the payload's type); the registry (registry.ts) gives each its handler,
 * which parses the payload with the same schema.
 */
export const JOB_PAYLOADS = {
  /** After-commit work of a ticket or conversation that inbound mail created: automations, then the confirmation. */
  "inbound.new_ticket": z.object({
    ticketId: z.uuid(),
    messageId: z.uuid(),
    event: z.enum(["ticket_created", "conversation_created"]),
    isAutoReply: z.boolean(),
    isBulk: z.boolean(),
  }),
  /** An inbound attachment given by URL, fetched into the attachment store. */
  "attachment.download": z.object({ attachmentId: z.uuid() }),
  /** The team told about a held or discarded mail. */
  "incoming_mail.notify": z.object({ incomingMailId: z.uuid() }),
  /** The satisfaction survey of a ticket just closed, emailed to its contact (once per ticket). */
  "satisfaction.survey": z.object({ ticketId: z.uuid() }),
  /**
   * Members told about a ticket: assigned to them (by `actorUserId`, or a rule when null), a customer's
   * reply `messageId` on their ticket, a mention in note `messageId`. `key` is unique per event.
   */
  "ticket.notify": z.object({
    type: z.enum(TICKET_NOTIFICATION_TYPES),
    ticketId: z.uuid(),
    userIds: z.array(z.uuid()),
    actorUserId: z.uuid().nullable(),
    messageId: z.uuid().nullable(),
    key: z.string().min(1),
  }),
  /** A ticket's SLA due times computed again after inbound mail created it or added to it. */
  "sla.refresh": z.object({ ticketId: z.uuid() }),
  /** A ticket's SLA target near (`warning`) or past (`breach`) its due time; a no-op once the due time changed. */
  "sla.check": z.object({
    ticketId: z.uuid(),
    target: z.enum(SLA_TARGETS),
    dueAt: z.iso.datetime(),
    stage: z.enum(["warning", "breach"]),
  }),
  /** A snoozed ticket woken at `until`, unless it was snoozed anew, unsnoozed or woken by a reply meanwhile. */
  "ticket.wake": z.object({ ticketId: z.uuid(), until: z.iso.datetime() }),
  /** A pending ticket closed at `at` (`days` after it became pending), unless its scheduled closure moved or was cancelled meanwhile. */
  "ticket.auto_close": z.object({ ticketId: z.uuid(), at: z.iso.datetime(), days: z.number().int().positive() }),
  /** One recorded OutboundEmail sent through SMTP. */
  "email.send": z.object({ outboundEmailId: z.uuid() }),
} as const;

export type JobType = keyof typeof JOB_PAYLOADS;
export type JobPayload<T extends JobType> = z.infer<(typeof JOB_PAYLOADS)[T]>;

/** A job's payload, checked against its type's schema (a handler's first step). */
export function jobPayload<T extends JobType>(type: T, payload: unknown): JobPayload<T> {
  return JOB_PAYLOADS[type].parse(payload) as JobPayload<T>;
}
