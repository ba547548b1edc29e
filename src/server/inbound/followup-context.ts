import type { Db } from "@/server/db";
import type { NewTicketEvent } from "@/server/tickets/new-ticket-event";

/** What the follow-up of a new ticket reads of it: the ticket, its contact and mailbox, its workspace. */
export interface FollowupTicket {
  id: string;
  workspaceId: string;
  subject: string;
  ticketNumber: number;
  contact: { id: string; email: string; name: string | null } | null;
  mailbox: { id: string; address: string; sendable: boolean } | null;
  workspace: { name: string; automationRulesVersion: number };
}

/** What it reads of the first message. */
export interface FollowupMessage {
  fromAddress: string | null;
  subject: string | null;
  bodyText: string;
  bodyTextFull: string | null;
  bodyHtml: string | null;
  messageIdHeader: string | null;
  references: string[];
  isAutoReply: boolean;
}

export interface FollowupContext {
  ticket: FollowupTicket;
  message: FollowupMessage;
  /** The workspace's contact lists the ticket's contact belongs to. */
  listIds: Set<string>;
}

/**
 * The ticket (with its contact, mailbox and workspace, and the version of the workspace's rules),
 * the message and the contact's list memberships, in one statement. Null when the ticket or the
 * message is gone (or belongs elsewhere).
 */
export async function loadFollowupContext(db: Db, event: NewTicketEvent): Promise<FollowupContext | null> {
  const [row] = await db.$queryRaw<{ ticket: FollowupTicket; message: FollowupMessage; listIds: string[] }[]>`
    SELECT
      json_build_object(
        'id', t."id", 'workspaceId', t."workspaceId", 'subject', t."subject", 'ticketNumber', t."ticketNumber",
        'contact', CASE WHEN c."id" IS NULL THEN NULL ELSE json_build_object('id', c."id", 'email', c."email", 'name', c."name") END,
        'mailbox', CASE WHEN b."id" IS NULL THEN NULL ELSE json_build_object('id', b."id", 'address', b."address", 'sendable', b."sendable") END,
        'workspace', json_build_object('name', w."name", 'automationRulesVersion', w."automationRulesVersion")
      ) AS "ticket",
      json_build_object(
        'fromAddress', m."fromAddress", 'subject', m."subject", 'bodyText', m."bodyText", 'bodyTextFull', m."bodyTextFull",
        'bodyHtml', m."bodyHtml", 'messageIdHeader', m."messageIdHeader",
        -- A list column written without a value may hold NULL; Prisma reads it as an empty list.
        'references', coalesce(m."references", '{}'), 'isAutoReply', m."isAutoReply"
      ) AS "message",
      ARRAY(
        SELECT l."listId"::text FROM "ContactListMember" l JOIN "ContactList" cl ON cl."id" = l."listId" AND cl."workspaceId" = t."workspaceId"
        WHERE l."contactId" = c."id" AND c."workspaceId" = t."workspaceId"
      ) AS "listIds"
    FROM "Ticket" t
    JOIN "Workspace" w ON w."id" = t."workspaceId"
    JOIN "Message" m ON m."id" = ${event.messageId}::uuid AND m."ticketId" = t."id" AND m."workspaceId" = t."workspaceId"
    LEFT JOIN "Contact" c ON c."id" = t."contactId"
    LEFT JOIN "Mailbox" b ON b."id" = t."mailboxId"
    WHERE t."id" = ${event.ticketId}::uuid AND t."workspaceId" = ${event.workspaceId}::uuid`;
  return row ? { ticket: row.ticket, message: row.message, listIds: new Set(row.listIds) } : null;
}
