import type { DeliveryEventType, OutboundEmail, OutboundEmailStatus, Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { lockKeys } from "@/server/db/advisory-lock";
import { recordActivity } from "@/server/tickets/activity";
import type { InboundEmail } from "@/server/inbound/inbound.schema";
import { fromDeliveryReport, type DeliveryEventInput } from "./delivery-event";
import { claimReplayToken, type ReplayToken } from "./replay-guard";

export type DeliveryRecordResult = { stored: true; duplicate: boolean } | { stored: false; reason: "unknown message" };

const SUPPRESSING = new Set<DeliveryEventType>(["complained", "permanent_fail"]);
const STATUS_AFTER: Partial<Record<DeliveryEventType, OutboundEmailStatus>> = { delivered: "delivered", permanent_fail: "failed" };

/**
 * Records a provider's delivery event once: linked to the email by its Message-ID (in
 * any workspace: the webhook names none, so the email decides), it updates the email's status and
 * its thread message's delivery status, adds `email_<event>` to the ticket's timeline, and puts the
 * address on the suppression list after a complaint or a permanent failure. An event about an email
 * we never sent is answered but not stored, so the provider stops retrying it. With `replayToken`
 * (a verified signature's token), a replayed token refuses the request (claimReplayToken); it is
 * claimed in the same transaction, so a request that fails to record can be retried by the provider.
 */
export async function recordDeliveryEvent(db: Db, input: DeliveryEventInput, replayToken?: ReplayToken): Promise<DeliveryRecordResult> {
  return db.$transaction(async (tx) => {
    if (replayToken) await claimReplayToken(tx, replayToken);
    return recordDeliveryEventInTx(tx, input);
  });
}

/**
 * recordDeliveryEvent inside the caller's transaction. With `onlyWorkspaceId` (a bounce that came in as
 * mail to that workspace) only that workspace's emails are looked at.
 */
export async function recordDeliveryEventInTx(
  tx: Prisma.TransactionClient,
  input: DeliveryEventInput,
  onlyWorkspaceId?: string,
): Promise<DeliveryRecordResult> {
  const outbound = await findOutboundEmail(tx, input, onlyWorkspaceId);
  if (!outbound) return { stored: false, reason: "unknown message" };
  await lockKeys(tx, [`delivery:${input.provider}:${input.providerEventId}`]);
  const earlier = await tx.deliveryEvent.findUnique({
    where: { provider_providerEventId: { provider: input.provider, providerEventId: input.providerEventId } },
  });
  if (earlier) return { stored: true, duplicate: true };

  const workspaceId = outbound.workspaceId;
  await tx.deliveryEvent.create({
    data: {
      workspaceId,
      outboundEmailId: outbound.id,
      event: input.event,
      recipient: input.recipient,
      provider: input.provider,
      providerEventId: input.providerEventId,
      severity: input.severity,
      reason: input.reason?.slice(0, 2000) ?? null,
      payload: input.payload as Prisma.InputJsonValue,
      occurredAt: input.occurredAt,
    },
  });
  // Providers deliver events out of order: an older event does not overwrite what a newer one set.
  const newer = await tx.deliveryEvent.count({ where: { workspaceId, outboundEmailId: outbound.id, occurredAt: { gt: input.occurredAt } } });
  if (newer === 0) await updateStatuses(tx, outbound, input);
  if (outbound.ticketId) {
    await recordActivity(tx, {
      workspaceId,
      ticketId: outbound.ticketId,
      type: `email_${input.event}`,
      data: {
        outboundEmailId: outbound.id,
        messageId: outbound.messageId,
        kind: outbound.kind,
        recipient: input.recipient,
        severity: input.severity,
        reason: input.reason,
      },
    });
  }
  if (SUPPRESSING.has(input.event)) {
    await tx.suppressedAddress.upsert({
      where: { workspaceId_email: { workspaceId, email: input.recipient } },
      create: { workspaceId, email: input.recipient, reason: input.reason ? `${input.event}: ${input.reason}`.slice(0, 500) : input.event },
      update: {},
    });
  }
  return { stored: true, duplicate: false };
}

/**
 * The delivery events of a bounce that came in as mail (see delivery-report.ts), one per recipient
 * it reports on, recorded like a provider's: status, timeline, suppression after a 5.x.x failure.
 */
export async function recordInboundDeliveryReport(tx: Prisma.TransactionClient, workspaceId: string, email: InboundEmail): Promise<void> {
  if (!email.deliveryReport) return;
  for (const input of fromDeliveryReport(email.deliveryReport, email.messageId, new Date())) await recordDeliveryEventInTx(tx, input, workspaceId);
}

/** The email the event is about: its Message-ID, sent to the event's recipient (a report about anyone else is ignored). */
async function findOutboundEmail(tx: Prisma.TransactionClient, input: DeliveryEventInput, workspaceId?: string): Promise<OutboundEmail | null> {
  if (!input.messageId) return null;
  const candidates = await tx.outboundEmail.findMany({ where: { messageIdHeader: input.messageId, workspaceId }, orderBy: { createdAt: "asc" }, take: 10 });
  return candidates.find((email) => email.toAddress === input.recipient || email.ccAddresses.some((cc) => cc.toLowerCase() === input.recipient)) ?? null;
}

async function updateStatuses(tx: Prisma.TransactionClient, outbound: OutboundEmail, input: DeliveryEventInput) {
  const status = STATUS_AFTER[input.event];
  if (status) {
    await tx.outboundEmail.updateMany({
      where: { id: outbound.id, workspaceId: outbound.workspaceId },
      data: { status, ...(status === "failed" ? { error: input.reason ?? "permanent failure" } : {}) },
    });
  }
  if (outbound.messageId) {
    await tx.message.updateMany({ where: { id: outbound.messageId, workspaceId: outbound.workspaceId }, data: { deliveryStatus: input.event } });
  }
}
