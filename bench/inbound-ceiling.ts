// The inbound webhook's ceiling: the essential database work per email through a bare `pg` pool,
// as a skilled engineer would write it by hand — one transaction, four round trips:
//   1. BEGIN and the thread's advisory locks (one simple-protocol query),
//   2. the receive-log row (ON CONFLICT on (workspaceId, messageIdHeader)) and the threading lookup,
//   3. either the new ticket (contact upsert, ticket number, ticket, message, activity, follow-up job,
//      log row update) or the reply (message, ticket update, log row update), each one statement,
//   4. COMMIT.
// No HTTP, validation, HTML sanitizing or rate limiting: only what the database must do.
import { createHash } from "node:crypto";
import type pg from "pg";

export interface CeilingEmail {
  fromEmail: string;
  fromName: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
  inReplyTo: string | null;
}

// $1 workspace, $2 mailbox, $3 Message-ID, $4 In-Reply-To, $5 sender, $6 name, $7 recipient, $8 subject, $9 body, $10 hash, $11 payload.
const LOG_AND_LOOKUP = `
  WITH log AS (
    INSERT INTO "IncomingMail" ("id", "workspaceId", "mailboxId", "source", "messageIdHeader", "contentHash", "sender", "senderName", "recipient",
      "subject", "body", "inReplyTo", "references", "rawPayload", "updatedAt")
    VALUES (gen_random_uuid(), $1, $2, 'rpc', $3, $10, $5, $6, $7, $8, $9, $4, CASE WHEN $4::text IS NULL THEN '{}' ELSE ARRAY[$4::text] END, $11, now())
    ON CONFLICT ("workspaceId", "messageIdHeader") DO NOTHING RETURNING "id"
  )
  SELECT (SELECT "id" FROM log) AS "logId",
    (SELECT m."ticketId" FROM "Message" m WHERE m."workspaceId" = $1 AND m."messageIdHeader" = $3) AS "storedTicketId",
    (SELECT t."id" FROM "Message" m JOIN "Ticket" t ON t."id" = m."ticketId"
      WHERE m."workspaceId" = $1 AND (m."messageIdHeader" = $4 OR m."inReplyTo" = $3) ORDER BY m."createdAt" LIMIT 1) AS "threadTicketId"`;

// $1 workspace, $2 mailbox, $3 Message-ID, $4 In-Reply-To, $5 sender, $6 name, $7 recipient, $8 subject, $9 body, $10 log row.
const NEW_TICKET = `
  WITH contact AS (
    INSERT INTO "Contact" ("id", "workspaceId", "email", "name", "updatedAt") VALUES (gen_random_uuid(), $1, $5, $6, now())
    ON CONFLICT ("workspaceId", "email") DO UPDATE SET "name" = coalesce("Contact"."name", excluded."name") RETURNING "id", "customerId"
  ), num AS (
    UPDATE "Workspace" SET "lastTicketNumber" = "lastTicketNumber" + 1 WHERE "id" = $1 RETURNING "lastTicketNumber" AS n
  ), ticket AS (
    INSERT INTO "Ticket" ("id", "workspaceId", "ticketNumber", "subject", "contactId", "customerId", "mailboxId", "lastActivityAt", "updatedAt")
    SELECT gen_random_uuid(), $1, num.n, $8, contact."id", contact."customerId", $2, now(), now() FROM num, contact RETURNING "id", "ticketNumber"
  ), message AS (
    INSERT INTO "Message" ("id", "workspaceId", "ticketId", "direction", "fromAddress", "fromName", "toAddresses", "subject", "bodyText", "bodyTextFull",
      "messageIdHeader", "inReplyTo")
    SELECT gen_random_uuid(), $1, ticket."id", 'inbound', $5, $6, ARRAY[$7::text], $8, $9, $9, $3, $4 FROM ticket RETURNING "id", "ticketId"
  ), activity AS (
    INSERT INTO "ActivityEvent" ("id", "workspaceId", "ticketId", "type", "data")
    SELECT gen_random_uuid(), $1, "id", 'created', jsonb_build_object('kind', 'ticket', 'ticketNumber', "ticketNumber") FROM ticket
  ), job AS (
    INSERT INTO "Job" ("id", "workspaceId", "type", "payload")
    SELECT gen_random_uuid(), $1, 'inbound.new_ticket',
      jsonb_build_object('ticketId', "ticketId", 'messageId', "id", 'event', 'ticket_created', 'isAutoReply', false, 'isBulk', false) FROM message
  )
  UPDATE "IncomingMail" SET "ticketId" = message."ticketId", "messageId" = message."id", "mailboxId" = $2,
    "analysis" = '{"routing":"created_ticket"}', "processedAt" = now(), "updatedAt" = now()
  FROM message WHERE "IncomingMail"."id" = $10 RETURNING message."ticketId"`;

// $1 workspace, $2 ticket, $3 Message-ID, $4 In-Reply-To, $5 sender, $6 name, $7 recipient, $8 subject, $9 body, $10 log row.
const REPLY = `
  WITH message AS (
    INSERT INTO "Message" ("id", "workspaceId", "ticketId", "direction", "fromAddress", "fromName", "toAddresses", "subject", "bodyText", "bodyTextFull",
      "messageIdHeader", "inReplyTo", "references")
    VALUES (gen_random_uuid(), $1, $2, 'inbound', $5, $6, ARRAY[$7::text], $8, $9, $9, $3, $4, ARRAY[$4::text]) RETURNING "id", "ticketId", "createdAt"
  ), ticket AS (
    UPDATE "Ticket" SET "lastActivityAt" = message."createdAt", "exchangeCount" = "exchangeCount" + 1, "closureScheduledAt" = NULL, "updatedAt" = now()
    FROM message WHERE "Ticket"."id" = message."ticketId"
  )
  UPDATE "IncomingMail" SET "ticketId" = message."ticketId", "messageId" = message."id",
    "analysis" = '{"routing":"appended"}', "processedAt" = now(), "updatedAt" = now()
  FROM message WHERE "IncomingMail"."id" = $10 RETURNING message."ticketId"`;

/** Routes one email as the app would (a redelivery changes nothing); answers its ticket's id. */
export async function ceilingIngest(pool: pg.Pool, workspaceId: string, mailboxId: string, email: CeilingEmail): Promise<string | null> {
  const client = await pool.connect();
  try {
    // The thread's Message-IDs locked in a fixed order, as the app does, so a reply waits for its first message.
    const keys = [email.messageId, email.inReplyTo].filter((id) => id !== null).map((id) => client.escapeLiteral(`thread:${workspaceId}:${id}`));
    await client.query(
      `BEGIN; SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtextextended(k, 0) AS h FROM unnest(ARRAY[${keys.join(", ")}]) AS k ORDER BY h) AS o`,
    );
    const hash = createHash("sha256").update(`${email.fromEmail}\0${email.to}\0${email.subject}\0${email.text}`).digest("hex");
    const payload = JSON.stringify(email);
    const { fromEmail, fromName, to, subject, text, messageId, inReplyTo } = email;
    const looked = await client.query<{ logId: string | null; storedTicketId: string | null; threadTicketId: string | null }>(LOG_AND_LOOKUP, [
      workspaceId,
      mailboxId,
      messageId,
      inReplyTo,
      fromEmail,
      fromName,
      to,
      subject,
      text,
      hash,
      payload,
    ]);
    const { logId, storedTicketId, threadTicketId } = looked.rows[0]!;
    let ticketId = storedTicketId;
    if (logId && !storedTicketId) {
      const args = [workspaceId, threadTicketId ?? mailboxId, messageId, inReplyTo, fromEmail, fromName, to, subject, text, logId];
      const written = await client.query<{ ticketId: string }>(threadTicketId ? REPLY : NEW_TICKET, args);
      ticketId = written.rows[0]?.ticketId ?? null;
    }
    await client.query("COMMIT");
    return ticketId;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}
