// The inbound email's database work as a few set-based statements, written once and prepared once
// per connection (see ingest.ts for the order they run in and why). Parameters are positional; the
// comment above each statement names them.
import { sqlStatement } from "@/server/db/sql-transaction";
import { SLA_REFRESH_JOB_CTE } from "@/server/sla/sla-refresh-job";
import { APPEND_REPLY_CTES, INBOUND_CONTACT_CTE, INBOUND_MESSAGE_CTE } from "@/server/tickets/inbound-message";

// The receive-log row, the dedup check and every threading lookup, in one statement. Run only
// while holding the email's own advisory lock, so its snapshot already sees any earlier copy.
// $1 workspace, $2 Message-ID, $3 content hash, $4 thread candidates (In-Reply-To, then References
// last to first), $5 subject token's ticket number, $6 sender (lower-cased), $7 recipients, and the
// log row: $8 mailbox, $9 source, $10 sender, $11 sender name, $12 To line, $13 subject, $14 text,
// $15 sanitized HTML, $16 In-Reply-To, $17 References, $18 headers, $19 raw payload.
const lookupText = (earlier: string) => `
  WITH earlier AS (${earlier}),
  logged AS (
    INSERT INTO "IncomingMail" ("id", "workspaceId", "mailboxId", "source", "messageIdHeader", "contentHash", "sender", "senderName", "recipient",
      "subject", "body", "bodyHtml", "inReplyTo", "references", "headers", "rawPayload", "updatedAt")
    SELECT gen_random_uuid(), $1::uuid, $8::uuid, $9, $2::text, $3, $10, $11, $12, $13, $14, $15, $16, $17::text[], $18::jsonb, $19::jsonb, now()
    WHERE NOT EXISTS (SELECT FROM earlier)
    ON CONFLICT ("workspaceId", "messageIdHeader") DO NOTHING
    RETURNING "id"
  )
  SELECT (SELECT "id" FROM logged) AS "loggedId", (SELECT row_to_json(earlier) FROM earlier) AS "earlier", found."stored", found."hit",
    (WITH RECURSIVE chain AS (
        SELECT t."id", t."status", t."ticketNumber", t."contactId", t."mergedIntoId", 0 AS "hops"
        FROM "Ticket" t WHERE t."id" = (found."hit"->>'ticketId')::uuid AND t."workspaceId" = $1::uuid
        UNION ALL
        SELECT t."id", t."status", t."ticketNumber", t."contactId", t."mergedIntoId", chain."hops" + 1
        FROM chain JOIN "Ticket" t ON t."id" = chain."mergedIntoId" AND t."workspaceId" = $1::uuid
        WHERE chain."status" = 'merged' AND chain."hops" < 10
      ) SELECT json_agg(chain ORDER BY "hops") FROM chain) AS "chain",
    CASE WHEN $8::uuid IS NULL THEN (
      SELECT json_build_object('id', "id", 'address', "address", 'purpose', "purpose") FROM "Mailbox" WHERE "workspaceId" = $1::uuid
      ORDER BY lower("address") = ANY($7::text[]) DESC, "isDefault" DESC, "createdAt" LIMIT 1) END AS "mailbox"
  FROM (SELECT
    (SELECT json_build_object('id', "id", 'ticketId', "ticketId") FROM "Message" WHERE "workspaceId" = $1::uuid AND "messageIdHeader" = $2::text) AS "stored",
    -- COALESCE runs a lookup only when the ones before it found nothing.
    COALESCE(
      (SELECT json_build_object('by', 'header', 'on', c."id", 'ticketId', COALESCE(m."ticketId", o."ticketId"))
        FROM unnest($4::text[]) WITH ORDINALITY AS c("id", "n")
        LEFT JOIN "Message" m ON m."workspaceId" = $1::uuid AND m."messageIdHeader" = c."id"
        LEFT JOIN LATERAL (SELECT "ticketId" FROM "OutboundEmail" WHERE "workspaceId" = $1::uuid AND "messageIdHeader" = c."id" AND "ticketId" IS NOT NULL LIMIT 1) o
          ON true
        WHERE COALESCE(m."ticketId", o."ticketId") IS NOT NULL ORDER BY c."n" LIMIT 1),
      -- A reply stored before the message it answers (providers deliver out of order) claims it.
      (SELECT json_build_object('by', 'earlier-reply', 'on', COALESCE(m."messageIdHeader", $2::text), 'ticketId', m."ticketId")
        FROM "Message" m WHERE m."workspaceId" = $1::uuid AND (m."inReplyTo" = $2::text OR m."references" @> ARRAY[$2::text])
        ORDER BY m."createdAt" LIMIT 1),
      (SELECT json_build_object('by', 'subject-token', 'on', '[#' || t."ticketNumber" || ']', 'ticketId', t."id")
        FROM "Ticket" t JOIN "Contact" ct ON ct."id" = t."contactId"
        WHERE t."workspaceId" = $1::uuid AND t."ticketNumber" = $5::int AND ct."email" = $6)
    ) AS "hit") AS found`;

/** The lookup for an email with a Message-ID: an earlier copy has the same one. */
export const LOOKUP_BY_MESSAGE_ID = sqlStatement(
  lookupText(`SELECT "id", "ticketId", "messageId", "processedAt" FROM "IncomingMail" WHERE "workspaceId" = $1::uuid AND "messageIdHeader" = $2::text`),
);

/** The lookup for an email without one: an earlier copy has the same content, within 24 hours. */
export const LOOKUP_BY_CONTENT = sqlStatement(
  lookupText(`SELECT "id", "ticketId", "messageId", "processedAt" FROM "IncomingMail"
    WHERE "workspaceId" = $1::uuid AND "messageIdHeader" IS NULL AND "contentHash" = $3 AND "createdAt" >= now() - interval '24 hours'
    ORDER BY "createdAt" LIMIT 1`),
);

/**
 * What every routing writes: the attachment rows with their download jobs, the notice to the team,
 * and the log row's result. $1 workspace; after `base`: +1 log row, +2 analysis, +3 result ticket,
 * +4 result message, +5 held reply to a closed ticket, +6 mailbox the routing chose, +7 notify the
 * team, +8 attachment rows (JSON).
 */
function outcome(base: number): string {
  const $ = (n: number) => `$${base + n}`;
  return `
  attachment AS (
    INSERT INTO "Attachment" ("id", "workspaceId", "ticketId", "messageId", "incomingMailId", "filename", "contentType", "size", "status", "storageKey",
      "sourceUrl", "error", "contentId")
    SELECT a."id", $1::uuid, a."ticketId", a."messageId", ${$(1)}::uuid, a."filename", a."contentType", a."size", a."status"::"AttachmentStatus", a."storageKey",
      a."sourceUrl", a."error", a."contentId"
    FROM jsonb_to_recordset(${$(8)}::jsonb) AS a("id" uuid, "ticketId" uuid, "messageId" uuid, "filename" text, "contentType" text, "size" int, "status" text,
      "storageKey" text, "sourceUrl" text, "error" text, "contentId" text)
  ),
  download AS (
    INSERT INTO "Job" ("id", "workspaceId", "type", "payload")
    SELECT gen_random_uuid(), $1::uuid, 'attachment.download', jsonb_build_object('attachmentId', a->>'id')
    FROM jsonb_array_elements(${$(8)}::jsonb) AS a WHERE a->>'status' = 'pending'
  ),
  notify AS (
    INSERT INTO "Job" ("id", "workspaceId", "type", "payload")
    SELECT gen_random_uuid(), $1::uuid, 'incoming_mail.notify', jsonb_build_object('incomingMailId', ${$(1)}::uuid) WHERE ${$(7)}::boolean
  )
  UPDATE "IncomingMail" SET "ticketId" = ${$(3)}::uuid, "messageId" = ${$(4)}::uuid, "replyToClosedTicket" = ${$(5)}::boolean,
    "mailboxId" = COALESCE("mailboxId", ${$(6)}::uuid), "analysis" = ${$(2)}::jsonb, "processedAt" = now(), "processingError" = NULL, "updatedAt" = now()
  WHERE "id" = ${$(1)}::uuid`;
}

/** Mail that adds no message (held, discarded, already stored): $1 workspace, $2–$9 the outcome. */
export const WRITE_OUTCOME = sqlStatement(`WITH ${outcome(1)}`);

// The assignee told of the customer's reply (not of an auto-reply), by a job in the same statement.
const REPLY_NOTICE_CTE = `reply_notice AS (
    INSERT INTO "Job" ("id", "workspaceId", "type", "payload")
    SELECT gen_random_uuid(), $1::uuid, 'ticket.notify', jsonb_build_object('type', 'customer_replied', 'ticketId', $2::uuid,
      'userIds', jsonb_build_array("assigneeId"), 'actorUserId', NULL, 'messageId', $3::uuid, 'key', 'reply:' || $3::uuid::text)
    FROM ticket WHERE "assigneeId" IS NOT NULL AND NOT $17::boolean
  )`;

/** A reply appended to its ticket (APPEND_REPLY_CTES: $1–$19) with its notice to the assignee, then $20–$27 the outcome. */
export const WRITE_REPLY = sqlStatement(`WITH ${APPEND_REPLY_CTES}, ${REPLY_NOTICE_CTE}, ${outcome(19)}`);

/**
 * A new ticket $2 with its first message ($1–$17 as a reply's), subject $18, kind $19, the `created`
 * timeline entry, the follow-up job (payload $20) and the SLA job, in mailbox $21; then $22–$29 the outcome. The
 * ticket number's increment locks the workspace row until commit, so concurrent creations queue and
 * a rolled-back one leaves no gap.
 */
export const WRITE_NEW_TICKET = sqlStatement(`
  WITH ${INBOUND_CONTACT_CTE},
  num AS (UPDATE "Workspace" SET "lastTicketNumber" = "lastTicketNumber" + 1, "updatedAt" = now() WHERE "id" = $1::uuid RETURNING "lastTicketNumber" AS "n"),
  ticket AS (
    INSERT INTO "Ticket" ("id", "workspaceId", "ticketNumber", "subject", "kind", "contactId", "customerId", "mailboxId", "lastActivityAt", "updatedAt")
    SELECT $2::uuid, $1::uuid, num."n", $18, $19::"TicketKind", contact."id", contact."customerId", $21::uuid, now(), now() FROM num, contact
    RETURNING "id", "ticketNumber"
  ),
  ${INBOUND_MESSAGE_CTE},
  activity AS (
    INSERT INTO "ActivityEvent" ("id", "workspaceId", "ticketId", "type", "data")
    SELECT gen_random_uuid(), $1::uuid, "id", 'created', jsonb_build_object('kind', $19::text, 'ticketNumber', "ticketNumber") FROM ticket
  ),
  followup AS (INSERT INTO "Job" ("id", "workspaceId", "type", "payload") VALUES (gen_random_uuid(), $1::uuid, 'inbound.new_ticket', $20::jsonb)),
  ${SLA_REFRESH_JOB_CTE},
  ${outcome(21)}`);
