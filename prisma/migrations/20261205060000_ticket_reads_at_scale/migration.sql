-- Ticket reads at scale.
--
-- 1. Search: one vector per ticket ("searchDocument": the subject and every message body), kept by
--    the triggers below, so a search is one condition on "Ticket". The planner answers it from the
--    GIN index when the words are rare, or by walking the newest tickets and stopping at the page
--    when they are common; nothing ranks or collects every match first. The per-message GIN index
--    is no longer read, so it goes (one index less to write per message).
-- 2. Lists: the inbox's orders (newest activity, ticket number as tie-break) are index orders, with
--    "isArchived" and "status" in front so each tab's page and its count walk one index.

-- Appends a vector, keeping the words already there when the sum would pass tsvector's 1 MB limit
-- (a ticket with that much text stays findable by what it has; the message is still stored).
CREATE FUNCTION threadline_append_vector(acc tsvector, extra tsvector) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  IF extra IS NULL THEN RETURN acc; END IF;
  IF acc IS NULL THEN RETURN extra; END IF;
  RETURN acc || extra;
EXCEPTION WHEN program_limit_exceeded THEN
  RETURN acc;
END $$;

CREATE AGGREGATE threadline_vector_agg(tsvector) (SFUNC = threadline_append_vector, STYPE = tsvector);

-- The whole document of one ticket, from its subject and its stored messages.
CREATE FUNCTION threadline_ticket_document(ticket_id uuid, subject text) RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT threadline_append_vector(to_tsvector('english', coalesce(subject, '')),
    (SELECT threadline_vector_agg(m."searchVector") FROM "Message" m WHERE m."ticketId" = ticket_id))
$$;

ALTER TABLE "Ticket" ADD COLUMN "searchDocument" tsvector;

-- A new ticket's document is its subject; a changed subject rebuilds it.
CREATE FUNCTION threadline_ticket_document_on_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW."searchDocument" := to_tsvector('english', coalesce(NEW."subject", ''));
  ELSIF NEW."subject" IS DISTINCT FROM OLD."subject" THEN
    NEW."searchDocument" := threadline_ticket_document(NEW."id", NEW."subject");
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "Ticket_searchDocument_write" BEFORE INSERT OR UPDATE OF "subject" ON "Ticket"
  FOR EACH ROW EXECUTE FUNCTION threadline_ticket_document_on_write();

-- New messages add their words to their tickets, once per ticket per statement.
CREATE FUNCTION threadline_ticket_document_on_message_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Ticket" t SET "searchDocument" = threadline_append_vector(t."searchDocument", added.vector)
  FROM (SELECT "ticketId", threadline_vector_agg("searchVector") AS vector FROM new_messages GROUP BY "ticketId") added
  WHERE t."id" = added."ticketId";
  RETURN NULL;
END $$;
CREATE TRIGGER "Message_searchDocument_insert" AFTER INSERT ON "Message"
  REFERENCING NEW TABLE AS new_messages FOR EACH STATEMENT EXECUTE FUNCTION threadline_ticket_document_on_message_insert();

-- Messages that moved (merge, split) or whose body changed rebuild the documents of the tickets
-- they left and joined. Other updates (delivery status, …) find no such row and cost one join.
CREATE FUNCTION threadline_ticket_document_on_message_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Ticket" t SET "searchDocument" = threadline_ticket_document(t."id", t."subject")
  WHERE t."id" IN (
    SELECT unnest(ARRAY[o."ticketId", n."ticketId"]) FROM old_messages o JOIN new_messages n ON n."id" = o."id"
    WHERE o."ticketId" <> n."ticketId" OR o."bodyText" IS DISTINCT FROM n."bodyText");
  RETURN NULL;
END $$;
CREATE TRIGGER "Message_searchDocument_update" AFTER UPDATE ON "Message"
  REFERENCING OLD TABLE AS old_messages NEW TABLE AS new_messages FOR EACH STATEMENT EXECUTE FUNCTION threadline_ticket_document_on_message_update();

CREATE FUNCTION threadline_ticket_document_on_message_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Ticket" t SET "searchDocument" = threadline_ticket_document(t."id", t."subject")
  WHERE t."id" IN (SELECT DISTINCT "ticketId" FROM old_messages);
  RETURN NULL;
END $$;
CREATE TRIGGER "Message_searchDocument_delete" AFTER DELETE ON "Message"
  REFERENCING OLD TABLE AS old_messages FOR EACH STATEMENT EXECUTE FUNCTION threadline_ticket_document_on_message_delete();

UPDATE "Ticket" t SET "searchDocument" = threadline_ticket_document(t."id", t."subject");

DROP INDEX "Ticket_searchVector_idx";
DROP INDEX "Message_searchVector_idx";
CREATE INDEX "Ticket_searchDocument_idx" ON "Ticket" USING GIN ("searchDocument");

-- The list indexes, in the inbox's order. "isArchived" is an equality a btree can order after
-- ("archivedAt" IS NULL is not: an index led by it could not serve ORDER BY "lastActivityAt").
ALTER TABLE "Ticket" ADD COLUMN "isArchived" boolean GENERATED ALWAYS AS ("archivedAt" IS NOT NULL) STORED;
DROP INDEX "Ticket_workspaceId_lastActivityAt_idx";
DROP INDEX "Ticket_workspaceId_status_lastActivityAt_idx";
DROP INDEX "Ticket_workspaceId_assigneeId_status_idx";
CREATE INDEX "Ticket_list_idx" ON "Ticket"("workspaceId", "isArchived", "lastActivityAt" DESC, "ticketNumber" DESC);
CREATE INDEX "Ticket_list_status_idx" ON "Ticket"("workspaceId", "isArchived", "status", "lastActivityAt" DESC, "ticketNumber" DESC);
CREATE INDEX "Ticket_list_assignee_idx" ON "Ticket"("workspaceId", "assigneeId", "isArchived", "status", "lastActivityAt" DESC, "ticketNumber" DESC);

-- A thread reads each message's outbound emails by message.
CREATE INDEX "OutboundEmail_messageId_idx" ON "OutboundEmail"("messageId");
