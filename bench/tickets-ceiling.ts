// The ceiling of the ticket benchmark: the same answers as the app's reads, written by hand and sent
// through a bare `pg` pool (no ORM, no validation, no presenters). The app's figure divided by these
// is what the app adds on top of the database.
import type pg from "pg";
import { decodeTicketCursor } from "@/server/tickets/ticket-cursor";

const TAB_COUNT_CAP = 10_000;

interface ListFilters {
  /** Whose reads mark rows unread (the app's caller). */
  readerId: string;
  status?: "open" | "pending" | "closed";
  tag?: string;
  assigneeId?: string;
  search?: string;
  /** A sender's exact address: that contact's tickets. */
  senderEmail?: string;
  /** The tickets with an SLA due time, soonest first (the inbox's "due soonest"). */
  dueFirst?: boolean;
  /** A nextCursor the app answered. */
  after?: string;
  limit?: number;
}

const person = (alias: string) =>
  `CASE WHEN ${alias}."id" IS NULL THEN NULL ELSE json_build_object('id', ${alias}."id", 'email', ${alias}."email", 'name', ${alias}."name") END`;

/** A list page with its people and tags: the rows the inbox shows. */
export async function listPage(pool: pg.Pool, workspaceId: string, filters: ListFilters) {
  const params: unknown[] = [workspaceId, filters.readerId];
  const param = (value: unknown) => `$${params.push(value)}`;
  const where = [`t."workspaceId" = $1`, `NOT t."isArchived"`];
  where.push(filters.status ? `t."status" = ${param(filters.status)}` : `t."status" IN ('open', 'pending', 'closed')`);
  if (filters.assigneeId) where.push(`t."assigneeId" = ${param(filters.assigneeId)}`);
  if (filters.tag) {
    // The tag's id first: with it as a value the planner knows how common the tag is.
    const tag = await pool.query<{ id: string }>(`SELECT "id" FROM "Tag" WHERE "workspaceId" = $1 AND lower("name") = $2`, [workspaceId, filters.tag]);
    where.push(`EXISTS (SELECT 1 FROM "TicketTag" tt WHERE tt."ticketId" = t."id" AND tt."tagId" = ${param(tag.rows[0]?.id ?? null)})`);
  }
  if (filters.search) where.push(`t."searchDocument" @@ websearch_to_tsquery('english', ${param(filters.search)})`);
  if (filters.senderEmail) {
    // The contact's id first, as the app looks it up.
    const contact = await pool.query<{ id: string }>(`SELECT "id" FROM "Contact" WHERE "workspaceId" = $1 AND "email" = $2`, [
      workspaceId,
      filters.senderEmail,
    ]);
    where.push(`t."contactId" = ${param(contact.rows[0]?.id ?? null)}`);
  }
  if (filters.dueFirst) where.push(`t."slaDueAt" IS NOT NULL`);
  const order = filters.dueFirst ? `t."slaDueAt" ASC, t."ticketNumber" ASC` : `t."lastActivityAt" DESC, t."ticketNumber" DESC`;
  const cursor = filters.after ? decodeTicketCursor(filters.after) : null;
  if (cursor) where.push(`(t."lastActivityAt", t."ticketNumber") < (${param(cursor.at.toISOString())}::timestamp(3), ${param(cursor.ticketNumber)})`);
  const { rows } = await pool.query<Record<string, unknown>>(
    `SELECT t."id", t."ticketNumber", t."kind", t."subject", t."status", t."priority", t."assigneeId", t."mailboxId", t."archivedAt",
       t."mergedIntoId", t."exchangeCount", t."closureScheduledAt", t."lastActivityAt", t."createdAt", t."updatedAt",
       ${person("c")} AS "contact", CASE WHEN cu."id" IS NULL THEN NULL ELSE json_build_object('id', cu."id", 'name', cu."name") END AS "customer",
       ${person("u")} AS "assignee", COALESCE(t."lastCustomerMessageAt" > r."readAt", false) AS "unread",
       (SELECT coalesce(json_agg(json_build_object('id', g."id", 'name', g."name", 'color', g."color") ORDER BY g."name"), '[]')
        FROM "TicketTag" tt JOIN "Tag" g ON g."id" = tt."tagId" WHERE tt."ticketId" = t."id") AS "tags"
     FROM (SELECT * FROM "Ticket" t WHERE ${where.join(" AND ")} ORDER BY ${order} LIMIT ${(filters.limit ?? 50) + 1}) t
     LEFT JOIN "Contact" c ON c."id" = t."contactId" LEFT JOIN "Customer" cu ON cu."id" = t."customerId" LEFT JOIN "User" u ON u."id" = t."assigneeId"
     LEFT JOIN "TicketRead" r ON r."userId" = $2 AND r."ticketId" = t."id"
     ORDER BY ${order}`,
    params,
  );
  return rows;
}

/** The five inbox tabs, each counted up to the cap. */
export async function tabCounts(pool: pg.Pool, workspaceId: string) {
  const tab = (where: string) => `(SELECT count(*) FROM (SELECT 1 FROM "Ticket" t WHERE t."workspaceId" = $1 AND ${where} LIMIT ${TAB_COUNT_CAP + 1}) c)`;
  const { rows } = await pool.query<Record<string, unknown>>(
    `SELECT ${tab(`NOT t."isArchived" AND t."status" = 'open'`)}, ${tab(`NOT t."isArchived" AND t."status" = 'pending'`)},
       ${tab(`NOT t."isArchived" AND t."status" = 'closed'`)}, ${tab(`NOT t."isArchived" AND t."status" IN ('open', 'pending', 'closed')`)},
       ${tab(`t."isArchived" AND t."status" IN ('open', 'pending', 'closed')`)}`,
    [workspaceId],
  );
  return rows[0];
}

/** The exact number of unarchived tickets (what X-Total-Count answers). */
export async function exactCount(pool: pg.Pool, workspaceId: string) {
  const { rows } = await pool.query<Record<string, unknown>>(
    `SELECT count(*) FROM "Ticket" WHERE "workspaceId" = $1 AND NOT "isArchived" AND "status" IN ('open', 'pending', 'closed')`,
    [workspaceId],
  );
  return rows[0];
}

/** A ticket, its messages with authors, attachments and outbound emails, and its timeline. */
export async function ticketDetail(pool: pg.Pool, workspaceId: string, ticketId: string) {
  const [ticket, messages, activity] = await Promise.all([
    pool.query<Record<string, unknown>>(
      `SELECT t.*, ${person("c")} AS "contact", ${person("u")} AS "assignee",
         (SELECT coalesce(json_agg(json_build_object('id', g."id", 'name', g."name", 'color', g."color")), '[]')
          FROM "TicketTag" tt JOIN "Tag" g ON g."id" = tt."tagId" WHERE tt."ticketId" = t."id") AS "tags"
       FROM "Ticket" t LEFT JOIN "Contact" c ON c."id" = t."contactId" LEFT JOIN "User" u ON u."id" = t."assigneeId"
       WHERE t."id" = $1 AND t."workspaceId" = $2`,
      [ticketId, workspaceId],
    ),
    pool.query<Record<string, unknown>>(
      `SELECT m."id", m."direction", m."fromAddress", m."fromName", m."toAddresses", m."ccAddresses", m."subject", m."bodyText", m."bodyTextFull",
         m."bodyHtml", m."messageIdHeader", m."inReplyTo", m."references", m."isAutoReply", m."deliveryStatus", m."createdAt", ${person("u")} AS "author",
         (SELECT coalesce(json_agg(json_build_object('id', o."id", 'status', o."status", 'toAddress', o."toAddress")), '[]') FROM "OutboundEmail" o WHERE o."messageId" = m."id") AS "outbound",
         (SELECT coalesce(json_agg(json_build_object('id', a."id", 'filename', a."filename", 'size', a."size")), '[]') FROM "Attachment" a WHERE a."messageId" = m."id") AS "attachments"
       FROM "Message" m LEFT JOIN "User" u ON u."id" = m."authorUserId" WHERE m."ticketId" = $1 AND m."workspaceId" = $2 ORDER BY m."createdAt", m."id"`,
      [ticketId, workspaceId],
    ),
    pool.query<Record<string, unknown>>(
      `SELECT e."id", e."type", e."data", e."createdAt", ${person("u")} AS "actor" FROM "ActivityEvent" e LEFT JOIN "User" u ON u."id" = e."actorUserId"
       WHERE e."ticketId" = $1 AND e."workspaceId" = $2 ORDER BY e."createdAt", e."id"`,
      [ticketId, workspaceId],
    ),
  ]);
  return { ticket: ticket.rows[0], messages: messages.rows, activity: activity.rows };
}
