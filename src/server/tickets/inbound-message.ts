import { randomUUID } from "node:crypto";
import type { IncomingMail, Prisma, TicketStatus } from "@/generated/prisma/client";
import { contactUpsertCte } from "@/server/contacts/contact-upsert";
import { sqlStatement, type SqlParam } from "@/server/db/sql-transaction";
import { emailDomain } from "@/server/email/address";
import { stripQuotedHistory } from "@/server/email/quote-strip";
import { SLA_REFRESH_JOB_CTE } from "@/server/sla/sla-refresh-job";

/** An inbound email as a thread message. */
export interface InboundMessageData {
  direction: "inbound";
  fromAddress: string;
  fromName: string | null;
  toAddresses: string[];
  subject: string;
  bodyText: string;
  bodyTextFull: string;
  bodyHtml: string | null;
  messageIdHeader: string | null;
  inReplyTo: string | null;
  references: string[];
  isAutoReply: boolean;
}

/** The receive-log fields a thread message is made of. */
export type LoggedMail = Pick<IncomingMail, "sender" | "senderName" | "subject" | "body" | "bodyHtml" | "inReplyTo" | "references">;

/**
 * A logged email as an inbound thread message: sender, subject and thread headers from its receive-log
 * row, the displayed body without the quoted history (the full text kept), the text and sanitized HTML
 * as converted once when it was logged. Routing (as the mail arrives) and an agent filing it from the
 * log later both build it here; `known` is what each knows beyond the row: the recipients, the
 * Message-ID the message may carry, whether it is an auto-reply.
 */
export function inboundMessageData(
  mail: LoggedMail,
  known: { toAddresses: string[]; messageIdHeader: string | null; isAutoReply: boolean },
): InboundMessageData {
  return {
    direction: "inbound",
    fromAddress: mail.sender,
    fromName: mail.senderName,
    toAddresses: known.toAddresses,
    subject: mail.subject,
    bodyText: stripQuotedHistory(mail.body, { subject: mail.subject }),
    bodyTextFull: mail.body,
    bodyHtml: mail.bodyHtml,
    messageIdHeader: known.messageIdHeader,
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    isAutoReply: known.isAutoReply,
  };
}

// How an inbound message is stored, one home for routing (ingest-statements.ts) and for an agent
// filing a logged mail: $1 workspace, $2 ticket, $3 message id, $4–$6 the sender's contact (address
// lower-cased, name, domain), $7–$17 the message (inboundMessageParams).
export const INBOUND_CONTACT_CTE = contactUpsertCte({ workspace: "$1", email: "$4", name: "$5", domain: "$6" });
export const INBOUND_MESSAGE_CTE = `message AS (
    INSERT INTO "Message" ("id", "workspaceId", "ticketId", "direction", "fromAddress", "fromName", "toAddresses", "subject", "bodyText", "bodyTextFull",
      "bodyHtml", "messageIdHeader", "inReplyTo", "references", "isAutoReply")
    VALUES ($3::uuid, $1::uuid, $2::uuid, 'inbound', $7, $8, $9::text[], $10, $11, $12, $13, $14, $15, $16::text[], $17::boolean)
    RETURNING "id", "createdAt"
  )`;

/** $1–$17 of the statements above. */
export function inboundMessageParams(workspaceId: string, ticketId: string, messageId: string, message: InboundMessageData): SqlParam[] {
  const contactEmail = message.fromAddress.trim().toLowerCase();
  return [
    workspaceId,
    ticketId,
    messageId,
    contactEmail,
    message.fromName,
    emailDomain(contactEmail),
    message.fromAddress,
    message.fromName,
    message.toAddresses,
    message.subject,
    message.bodyText,
    message.bodyTextFull,
    message.bodyHtml,
    message.messageIdHeader,
    message.inReplyTo,
    message.references,
    message.isAutoReply,
  ];
}

/**
 * A reply appended to ticket $2: the sender's contact, the message, the exchange counted, a
 * scheduled closure cancelled, the ticket reopened when $18 (previous status $19) with its timeline
 * entry, the contact set if the ticket had none, its SLA due times computed again after the commit.
 * A customer's reply (not an auto-reply, $17) wakes a snoozed ticket in the same UPDATE (`prev`
 * reads the time it was snoozed until, for the timeline); its wake-up job then finds it no longer
 * snoozed and does nothing.
 */
export const APPEND_REPLY_CTES = `${INBOUND_CONTACT_CTE},
  ${INBOUND_MESSAGE_CTE},
  ticket AS (
    UPDATE "Ticket" SET "lastActivityAt" = now(), "exchangeCount" = "exchangeCount" + 1, "closureScheduledAt" = NULL,
      "status" = CASE WHEN $18::boolean THEN 'open'::"TicketStatus" ELSE "status" END, "contactId" = COALESCE("contactId", (SELECT "id" FROM contact)),
      "snoozedUntil" = CASE WHEN $17::boolean THEN "snoozedUntil" END, "snoozedById" = CASE WHEN $17::boolean THEN "snoozedById" END,
      "updatedAt" = now()
    FROM (SELECT "snoozedUntil" AS "wasSnoozedUntil" FROM "Ticket" WHERE "id" = $2::uuid) prev
    WHERE "Ticket"."id" = $2::uuid
    RETURNING "assigneeId", prev."wasSnoozedUntil"
  ),
  activity AS (
    INSERT INTO "ActivityEvent" ("id", "workspaceId", "ticketId", "type", "data")
    SELECT gen_random_uuid(), $1::uuid, $2::uuid, 'status_changed', jsonb_build_object('from', $19::text, 'to', 'open', 'reason', 'customer_reply')
    WHERE $18::boolean
  ),
  woke AS (
    INSERT INTO "ActivityEvent" ("id", "workspaceId", "ticketId", "type", "data")
    SELECT gen_random_uuid(), $1::uuid, $2::uuid, 'unsnoozed', jsonb_build_object('until', to_char("wasSnoozedUntil", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'reason', 'customer_replied')
    FROM ticket WHERE "wasSnoozedUntil" IS NOT NULL AND NOT $17::boolean
  ),
  ${SLA_REFRESH_JOB_CTE}`;

const APPEND_INBOUND_REPLY = sqlStatement(`WITH ${APPEND_REPLY_CTES} SELECT * FROM message`);

/** A customer's reply reopens a pending or closed ticket; an auto-reply (an out-of-office answer) does not. */
export const replyReopens = (status: TicketStatus, message: Pick<InboundMessageData, "isAutoReply">) => status !== "open" && !message.isAutoReply;

/** $1–$19 of a reply (APPEND_REPLY_CTES), its message id chosen here. */
export function inboundReplyParams(workspaceId: string, ticket: { id: string; status: TicketStatus }, message: InboundMessageData) {
  const messageId = randomUUID();
  const reopened = replyReopens(ticket.status, message);
  return { messageId, reopened, params: [...inboundMessageParams(workspaceId, ticket.id, messageId, message), reopened, ticket.status] };
}

/**
 * Appends an inbound email to a ticket in the caller's transaction, in one statement, exactly as
 * routing does: an agent adding a held mail from the log leaves the same trace.
 */
export async function appendInboundReply(
  tx: Prisma.TransactionClient,
  reply: { workspaceId: string; ticket: { id: string; status: TicketStatus }; message: InboundMessageData },
): Promise<{ message: { id: string; createdAt: Date }; reopened: boolean }> {
  const { params, reopened } = inboundReplyParams(reply.workspaceId, reply.ticket, reply.message);
  const [message] = await tx.$queryRawUnsafe<{ id: string; createdAt: Date }[]>(APPEND_INBOUND_REPLY.text, ...params);
  return { message: message!, reopened };
}
