import type { Db } from "@/server/db";
import type { Message } from "@/generated/prisma/client";

type Person = { id: string; email: string; name: string | null };

/** ISO 8601 in UTC, as Date.toISOString() writes it (timestamps are stored in UTC). */
const iso = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A thread message with its author, attachments and outbound emails, as one SQL row. */
export type MessageRow = Omit<Message, "workspaceId" | "authorUserId"> & {
  author: Person | null;
  outboundEmails: { id: string; status: string; toAddress: string }[];
  attachments: {
    id: string;
    filename: string;
    contentType: string;
    size: number;
    status: string;
    messageId: string | null;
    ticketId: string | null;
    error: string | null;
    contentId: string | null;
    createdAt: string;
  }[];
};

/**
 * A ticket's messages (or one message), oldest first, in one statement: the related rows come as JSON
 * arrays instead of one query per relation.
 */
export function messageRows(db: Db, workspaceId: string, of: { ticketId: string } | { messageId: string }): Promise<MessageRow[]> {
  return db.$queryRawUnsafe<MessageRow[]>(
    `SELECT m."id", m."ticketId", m."direction", m."fromAddress", m."fromName", m."subject",
       -- The list columns are nullable: Prisma reads NULL as [], a raw row does not.
       coalesce(m."toAddresses", '{}') AS "toAddresses", coalesce(m."ccAddresses", '{}') AS "ccAddresses", coalesce(m."references", '{}') AS "references",
       m."bodyText", m."bodyTextFull", m."bodyHtml", m."messageIdHeader", m."inReplyTo", m."isAutoReply",
       m."deliveryStatus", m."scheduledSendAt", m."createdAt",
       CASE WHEN u."id" IS NULL THEN NULL ELSE json_build_object('id', u."id", 'email', u."email", 'name', u."name") END AS "author",
       coalesce((SELECT json_agg(json_build_object('id', o."id", 'status', o."status", 'toAddress', o."toAddress") ORDER BY o."createdAt", o."id")
         FROM "OutboundEmail" o WHERE o."messageId" = m."id"), '[]'::json) AS "outboundEmails",
       coalesce((SELECT json_agg(json_build_object('id', a."id", 'filename', a."filename", 'contentType', a."contentType", 'size', a."size",
           'status', a."status", 'messageId', a."messageId", 'ticketId', a."ticketId", 'error', a."error", 'contentId', a."contentId",
           'createdAt', ${iso('a."createdAt"')})
           ORDER BY a."createdAt", a."id")
         FROM "Attachment" a WHERE a."messageId" = m."id"), '[]'::json) AS "attachments"
     FROM "Message" m LEFT JOIN "User" u ON u."id" = m."authorUserId"
     WHERE m.${"ticketId" in of ? '"ticketId"' : '"id"'} = $1::uuid AND m."workspaceId" = $2::uuid
     ORDER BY m."createdAt", m."id"`,
    "ticketId" in of ? of.ticketId : of.messageId,
    workspaceId,
  );
}

export type ActivityRow = { id: string; type: string; data: unknown; createdAt: Date; actor: Person | null };

/** A ticket's timeline, oldest first, with each entry's actor, in one statement. */
export function timelineRows(db: Db, workspaceId: string, ticketId: string): Promise<ActivityRow[]> {
  return db.$queryRaw<ActivityRow[]>`
    SELECT e."id", e."type", e."data", e."createdAt",
      CASE WHEN u."id" IS NULL THEN NULL ELSE json_build_object('id', u."id", 'email', u."email", 'name', u."name") END AS "actor"
    FROM "ActivityEvent" e LEFT JOIN "User" u ON u."id" = e."actorUserId"
    WHERE e."ticketId" = ${ticketId}::uuid AND e."workspaceId" = ${workspaceId}::uuid
    ORDER BY e."createdAt", e."id"`;
}
