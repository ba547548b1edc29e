import { createHash } from "node:crypto";
import type { DeliveryEventType } from "@/generated/prisma/client";
import type { DeliveryReport, DeliveryReportRecipient } from "@/server/email/delivery-report";
import { normalizeMessageId } from "@/server/email/message-id";
import type { MailgunEvent, MailReport } from "./delivery.schema";

/** One provider event in our terms, whichever route it came in on. */
export interface DeliveryEventInput {
  /** `dsn`: a bounce that came in as mail (RFC 3464). */
  provider: "mailgun" | "report" | "dsn";
  /** The provider's own event id (or a hash of the report): the same event is stored once. */
  providerEventId: string;
  event: DeliveryEventType;
  recipient: string;
  /** The Message-ID of the email it is about, without angle brackets. */
  messageId: string | null;
  severity: string | null;
  reason: string | null;
  occurredAt: Date;
  payload: unknown;
}

const SAME_NAME = new Set<string>(["delivered", "opened", "clicked", "complained"]);

/**
 * The event type of a Mailgun event posted to `/mg-<pathType>`. The payload decides: each webhook
 * URL can be configured for any event, so a `failed` event with severity `temporary` is a temporary
 * failure whichever path it came to. Only a `failed` event without a severity takes the path's
 * word. Events we do not track (accepted, unsubscribed, …) are null.
 */
export function mailgunEventType(event: string, severity: string | null | undefined, pathType: DeliveryEventType): DeliveryEventType | null {
  if (SAME_NAME.has(event)) return event as DeliveryEventType;
  if (event !== "failed") return null;
  if (severity === "permanent" || severity === "temporary") return `${severity}_fail`;
  return pathType === "temporary_fail" ? "temporary_fail" : "permanent_fail";
}

export function fromMailgunEvent(body: MailgunEvent, pathType: DeliveryEventType): DeliveryEventInput | null {
  const data = body["event-data"];
  const event = mailgunEventType(data.event, data.severity, pathType);
  if (!event) return null;
  const status = data["delivery-status"];
  return {
    provider: "mailgun",
    providerEventId: data.id,
    event,
    recipient: data.recipient,
    messageId: normalizeMessageId(data.message.headers["message-id"]),
    severity: data.severity ?? null,
    reason: status?.description || status?.message || data.reason || null,
    occurredAt: new Date(data.timestamp * 1000),
    payload: data,
  };
}

export function fromMailReport(report: MailReport, now: Date): DeliveryEventInput {
  const messageId = normalizeMessageId(report.messageId);
  const reason = report.reason?.trim() || null;
  // A relay that reports the same thing twice must not record it twice.
  const key = createHash("sha256")
    .update([messageId, report.recipient, report.status, reason ?? ""].join("\n"))
    .digest("hex");
  return {
    provider: "report",
    providerEventId: key,
    event: report.status,
    recipient: report.recipient,
    messageId,
    severity: null,
    reason,
    occurredAt: now,
    payload: report,
  };
}

/** A DSN recipient's outcome as our event: a failure is permanent when its status is 5.x.x (RFC 3463). */
function reportedEvent({ action, status }: DeliveryReportRecipient): DeliveryEventType | null {
  if (action === "failed") return status?.startsWith("4.") ? "temporary_fail" : "permanent_fail";
  if (action === "delayed") return "temporary_fail";
  if (action === "delivered" || action === "relayed" || action === "expanded") return "delivered";
  return null;
}

/**
 * The events of a bounce that came in as mail, one per recipient it reports on. The same report
 * delivered twice (same Message-ID, or without one the same content) is the same events.
 */
export function fromDeliveryReport(report: DeliveryReport, reportMessageId: string | null, now: Date): DeliveryEventInput[] {
  return report.recipients.flatMap((entry) => {
    const event = reportedEvent(entry);
    if (!event) return [];
    const key = createHash("sha256")
      .update([reportMessageId ?? "", report.messageId, entry.recipient, entry.action, entry.status ?? ""].join("\n"))
      .digest("hex");
    return [
      {
        provider: "dsn" as const,
        providerEventId: key,
        event,
        recipient: entry.recipient,
        messageId: report.messageId,
        severity: event === "permanent_fail" ? "permanent" : event === "temporary_fail" ? "temporary" : null,
        reason: entry.diagnostic ?? entry.status,
        occurredAt: now,
        payload: { messageId: report.messageId, ...entry },
      },
    ];
  });
}
