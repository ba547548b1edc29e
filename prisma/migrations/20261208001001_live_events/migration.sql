-- Live updates: every committed change an open page shows is announced on the channel
-- "threadline_live" as {"workspaceId", "ticketId", "kind", "userId"}. NOTIFY is transactional: a
-- rolled-back change announces nothing, and every write path (Prisma, the raw-SQL ingest, bulk
-- updates, merges) is covered once. Statement-level triggers announce each ticket once per
-- statement, and PostgreSQL drops a transaction's duplicate payloads, so an inbound email (its
-- ticket row and its message row) announces its ticket once.

CREATE FUNCTION threadline_live_notify(workspace_id uuid, ticket_id uuid, kind text, user_id uuid) RETURNS void
LANGUAGE sql AS $$
  SELECT pg_notify('threadline_live', json_build_object('workspaceId', workspace_id, 'ticketId', ticket_id, 'kind', kind, 'userId', user_id)::text)
$$;

CREATE FUNCTION threadline_live_ticket_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM threadline_live_notify(r."workspaceId", r."id", 'ticket', NULL) FROM old_rows r;
  ELSE
    PERFORM threadline_live_notify(r."workspaceId", r."id", 'ticket', NULL) FROM new_rows r;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Ticket_live_insert" AFTER INSERT ON "Ticket"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION threadline_live_ticket_rows();
CREATE TRIGGER "Ticket_live_delete" AFTER DELETE ON "Ticket"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION threadline_live_ticket_rows();

-- Only the columns a page shows: the search document, counters and timers change unseen.
CREATE FUNCTION threadline_live_ticket_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM threadline_live_notify(n."workspaceId", n."id", 'ticket', NULL)
  FROM new_rows n JOIN old_rows o ON o."id" = n."id"
  WHERE (n."status", n."priority", n."assigneeId", n."subject", n."kind", n."archivedAt", n."mergedIntoId", n."contactId", n."customerId", n."mailboxId", n."lastActivityAt")
    IS DISTINCT FROM (o."status", o."priority", o."assigneeId", o."subject", o."kind", o."archivedAt", o."mergedIntoId", o."contactId", o."customerId", o."mailboxId", o."lastActivityAt");
  RETURN NULL;
END $$;

CREATE TRIGGER "Ticket_live_update" AFTER UPDATE ON "Ticket"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION threadline_live_ticket_update();

-- Messages (new, moved by a merge or split, delivery status) announce their tickets.
CREATE FUNCTION threadline_live_message_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM threadline_live_notify(t."workspaceId", t."ticketId", 'ticket', NULL) FROM (SELECT DISTINCT "workspaceId", "ticketId" FROM old_rows) t;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM threadline_live_notify(t."workspaceId", t."ticketId", 'ticket', NULL) FROM (SELECT DISTINCT "workspaceId", "ticketId" FROM new_rows) t;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Message_live_insert" AFTER INSERT ON "Message"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION threadline_live_message_rows();
CREATE TRIGGER "Message_live_update" AFTER UPDATE ON "Message"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION threadline_live_message_rows();
CREATE TRIGGER "Message_live_delete" AFTER DELETE ON "Message"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION threadline_live_message_rows();

-- Timeline entries without a change of the ticket's own row (an email opened, a link clicked).
CREATE FUNCTION threadline_live_activity_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM threadline_live_notify(t."workspaceId", t."ticketId", 'ticket', NULL) FROM (SELECT DISTINCT "workspaceId", "ticketId" FROM new_rows) t;
  RETURN NULL;
END $$;

CREATE TRIGGER "ActivityEvent_live_insert" AFTER INSERT ON "ActivityEvent"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION threadline_live_activity_rows();

-- Tag links carry no workspace: their ticket's (a link deleted with its ticket finds none, and the
-- ticket's own delete announced it).
CREATE FUNCTION threadline_live_ticket_tag_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM threadline_live_notify(t."workspaceId", t."id", 'ticket', NULL) FROM "Ticket" t WHERE t."id" IN (SELECT "ticketId" FROM old_rows);
  ELSE
    PERFORM threadline_live_notify(t."workspaceId", t."id", 'ticket', NULL) FROM "Ticket" t WHERE t."id" IN (SELECT "ticketId" FROM new_rows);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "TicketTag_live_insert" AFTER INSERT ON "TicketTag"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION threadline_live_ticket_tag_rows();
CREATE TRIGGER "TicketTag_live_delete" AFTER DELETE ON "TicketTag"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION threadline_live_ticket_tag_rows();

-- The receive log and the outbox: one event per workspace and statement.
CREATE FUNCTION threadline_live_mail_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM threadline_live_notify(r."workspaceId", NULL, TG_ARGV[0], NULL) FROM (SELECT DISTINCT "workspaceId" FROM old_rows) r;
  ELSE
    PERFORM threadline_live_notify(r."workspaceId", NULL, TG_ARGV[0], NULL) FROM (SELECT DISTINCT "workspaceId" FROM new_rows) r;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "IncomingMail_live_insert" AFTER INSERT ON "IncomingMail"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION threadline_live_mail_rows('incoming');
CREATE TRIGGER "IncomingMail_live_update" AFTER UPDATE ON "IncomingMail"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION threadline_live_mail_rows('incoming');
CREATE TRIGGER "IncomingMail_live_delete" AFTER DELETE ON "IncomingMail"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION threadline_live_mail_rows('incoming');
CREATE TRIGGER "OutboundEmail_live_insert" AFTER INSERT ON "OutboundEmail"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION threadline_live_mail_rows('outbox');
CREATE TRIGGER "OutboundEmail_live_update" AFTER UPDATE ON "OutboundEmail"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION threadline_live_mail_rows('outbox');

-- A notification is announced to its user only (the event carries userId; see src/server/live).
CREATE FUNCTION threadline_live_notification_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM threadline_live_notify(r."workspaceId", NULL, 'notification', r."userId") FROM (SELECT DISTINCT "workspaceId", "userId" FROM old_rows) r;
  ELSE
    PERFORM threadline_live_notify(r."workspaceId", NULL, 'notification', r."userId") FROM (SELECT DISTINCT "workspaceId", "userId" FROM new_rows) r;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Notification_live_insert" AFTER INSERT ON "Notification"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION threadline_live_notification_rows();
CREATE TRIGGER "Notification_live_update" AFTER UPDATE ON "Notification"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION threadline_live_notification_rows();
CREATE TRIGGER "Notification_live_delete" AFTER DELETE ON "Notification"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION threadline_live_notification_rows();
