-- Message-IDs are compared with their domain lower-cased and their local part exact
-- (normalizeMessageId in src/server/email/message-id.ts). This brings the ids stored before that
-- rule to the same form, so a stored id and a looked-up one agree.
CREATE FUNCTION message_id_normalized(id text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN strpos(id, '@') = 0 THEN id ELSE substring(id FROM '^(.*@)') || lower(substring(id FROM '@([^@]*)$')) END
$$;

-- Each id of a list normalized, in order, the first of any that become equal kept.
CREATE FUNCTION message_id_list_normalized(ids text[]) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_agg(id ORDER BY position), '{}') FROM (
    SELECT message_id_normalized(raw) AS id, min(position) AS position FROM unnest(ids) WITH ORDINALITY AS item(raw, position) GROUP BY 1
  ) AS normalized
$$;

-- The unique ids (workspace, messageIdHeader): two rows whose ids differ only in domain case are
-- one message delivered twice. The earliest row of such a group takes the normalized id unless a row
-- already has it; the others keep theirs, so the migration never breaks the unique index.
WITH ranked AS (
  SELECT "id", message_id_normalized("messageIdHeader") AS normalized,
         row_number() OVER (PARTITION BY "workspaceId", message_id_normalized("messageIdHeader") ORDER BY "createdAt", "id") AS rank
  FROM "Message" WHERE "messageIdHeader" <> message_id_normalized("messageIdHeader")
)
UPDATE "Message" AS m SET "messageIdHeader" = ranked.normalized FROM ranked
WHERE m."id" = ranked."id" AND ranked.rank = 1
  AND NOT EXISTS (SELECT 1 FROM "Message" AS o WHERE o."workspaceId" = m."workspaceId" AND o."messageIdHeader" = ranked.normalized);

WITH ranked AS (
  SELECT "id", message_id_normalized("messageIdHeader") AS normalized,
         row_number() OVER (PARTITION BY "workspaceId", message_id_normalized("messageIdHeader") ORDER BY "createdAt", "id") AS rank
  FROM "IncomingMail" WHERE "messageIdHeader" <> message_id_normalized("messageIdHeader")
)
UPDATE "IncomingMail" AS m SET "messageIdHeader" = ranked.normalized FROM ranked
WHERE m."id" = ranked."id" AND ranked.rank = 1
  AND NOT EXISTS (SELECT 1 FROM "IncomingMail" AS o WHERE o."workspaceId" = m."workspaceId" AND o."messageIdHeader" = ranked.normalized);

WITH ranked AS (
  SELECT "id", message_id_normalized("messageIdHeader") AS normalized,
         row_number() OVER (PARTITION BY "workspaceId", message_id_normalized("messageIdHeader") ORDER BY "createdAt", "id") AS rank
  FROM "OutboundEmail" WHERE "messageIdHeader" <> message_id_normalized("messageIdHeader")
)
UPDATE "OutboundEmail" AS m SET "messageIdHeader" = ranked.normalized FROM ranked
WHERE m."id" = ranked."id" AND ranked.rank = 1
  AND NOT EXISTS (SELECT 1 FROM "OutboundEmail" AS o WHERE o."workspaceId" = m."workspaceId" AND o."messageIdHeader" = ranked.normalized);

-- In-Reply-To and References are not unique: every one is normalized.
UPDATE "Message" SET "inReplyTo" = message_id_normalized("inReplyTo") WHERE "inReplyTo" <> message_id_normalized("inReplyTo");
UPDATE "Message" SET "references" = message_id_list_normalized("references") WHERE "references" <> message_id_list_normalized("references");
UPDATE "IncomingMail" SET "inReplyTo" = message_id_normalized("inReplyTo") WHERE "inReplyTo" <> message_id_normalized("inReplyTo");
UPDATE "IncomingMail" SET "references" = message_id_list_normalized("references") WHERE "references" <> message_id_list_normalized("references");
UPDATE "OutboundEmail" SET "inReplyTo" = message_id_normalized("inReplyTo") WHERE "inReplyTo" <> message_id_normalized("inReplyTo");
UPDATE "OutboundEmail" SET "references" = message_id_list_normalized("references") WHERE "references" <> message_id_list_normalized("references");

DROP FUNCTION message_id_list_normalized(text[]);
DROP FUNCTION message_id_normalized(text);
