import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { likeLiteral } from "@/server/like";
import type { ParsedSearch } from "./search-query";

const STATUSES = new Set(["open", "pending", "closed", "merged"]);
const PRIORITIES = new Set(["low", "normal", "high", "urgent"]);
/** How many people or companies one typed name may stand for (a name that common narrows little). */
const MAX_MATCHED_PEOPLE = 500;

type Ids = { id: string }[];
const anyOf = (column: Prisma.Sql, ids: Ids) => (ids.length ? Prisma.sql`${column} = ANY(${ids.map((r) => r.id)}::uuid[])` : Prisma.sql`false`);

/** Contacts whose address is, starts with, or is at the text (a domain), or whose name contains it. */
function contactsLike(db: Db, workspaceId: string, text: string) {
  const literal = likeLiteral(text);
  return db.$queryRaw<Ids>`
    SELECT "id" FROM "Contact" WHERE "workspaceId" = ${workspaceId}::uuid AND (
      lower("email") LIKE ${`${literal}%`} OR lower("email") LIKE ${`%@${literal}`} OR lower(coalesce("name", '')) LIKE ${`%${literal}%`}
    ) LIMIT ${MAX_MATCHED_PEOPLE}`;
}

/** Companies named like the text, or owning it as a domain. */
function customersLike(db: Db, workspaceId: string, text: string) {
  return db.$queryRaw<Ids>`
    SELECT "id" FROM "Customer" WHERE "workspaceId" = ${workspaceId}::uuid AND lower("name") LIKE ${`%${likeLiteral(text)}%`}
    UNION SELECT "customerId" FROM "CustomerDomain" WHERE "workspaceId" = ${workspaceId}::uuid AND "domain" = ${text}
    LIMIT ${MAX_MATCHED_PEOPLE}`;
}

function mailboxesLike(db: Db, workspaceId: string, text: string) {
  const literal = likeLiteral(text);
  return db.$queryRaw<Ids>`
    SELECT "id" FROM "Mailbox" WHERE "workspaceId" = ${workspaceId}::uuid AND (lower("address") LIKE ${`${literal}%`} OR lower("name") LIKE ${`%${literal}%`})`;
}

function membersLike(db: Db, workspaceId: string, text: string) {
  const literal = likeLiteral(text);
  return db.$queryRaw<Ids>`
    SELECT u."id" FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
    WHERE m."workspaceId" = ${workspaceId}::uuid AND (lower(u."email") LIKE ${`${literal}%`} OR lower(coalesce(u."name", '')) LIKE ${`%${literal}%`})`;
}

/**
 * The conditions of a parsed search, each narrowing the list (AND); several values of one operator
 * match any of them. The free text matches the subject and bodies (full text), the sender's
 * address or name, the customer's name or domain, and a ticket number when it is one. People,
 * companies and mailboxes are looked up first (a few indexed rows), so the list's own statement
 * compares ids and keeps walking its index in the list's order.
 */
export async function searchConditions(
  db: Db,
  workspaceId: string,
  search: ParsedSearch,
  callerId: string | null,
  tagConditions: (names: string[]) => Promise<Prisma.Sql[]>,
): Promise<Prisma.Sql[]> {
  const { fields } = search;
  const conditions: Prisma.Sql[] = [];
  if (search.numbers.length) conditions.push(Prisma.sql`t."ticketNumber" = ANY(${search.numbers}::int[])`);
  if (fields.status) {
    const statuses = fields.status.filter((s) => STATUSES.has(s));
    conditions.push(statuses.length ? Prisma.sql`t."status" = ANY(CAST(${statuses} AS "TicketStatus"[]))` : Prisma.sql`false`);
  }
  if (fields.priority) {
    const priorities = fields.priority.filter((p) => PRIORITIES.has(p));
    conditions.push(priorities.length ? Prisma.sql`t."priority" = ANY(CAST(${priorities} AS "TicketPriority"[]))` : Prisma.sql`false`);
  }
  if (fields.tag) conditions.push(...(await tagConditions(fields.tag)));
  if (fields.from) conditions.push(anyOf(Prisma.sql`t."contactId"`, (await Promise.all(fields.from.map((v) => contactsLike(db, workspaceId, v)))).flat()));
  if (fields.to) conditions.push(anyOf(Prisma.sql`t."mailboxId"`, (await Promise.all(fields.to.map((v) => mailboxesLike(db, workspaceId, v)))).flat()));
  if (fields.assignee) {
    const wantsNone = fields.assignee.includes("none");
    const people = fields.assignee.filter((v) => v !== "none" && v !== "me");
    const ids = [
      ...(fields.assignee.includes("me") && callerId ? [{ id: callerId }] : []),
      ...(await Promise.all(people.map((v) => membersLike(db, workspaceId, v)))).flat(),
    ];
    const assigned = anyOf(Prisma.sql`t."assigneeId"`, ids);
    conditions.push(wantsNone ? Prisma.sql`(t."assigneeId" IS NULL OR ${assigned})` : assigned);
  }
  if (search.text) {
    const { needle, contacts, customers } = await textMatches(db, workspaceId, search.text);
    const number = /^\d{1,9}$/.test(needle) ? Prisma.sql` OR t."ticketNumber" = ${Number(needle)}` : Prisma.empty;
    conditions.push(Prisma.sql`(t."searchDocument" @@ websearch_to_tsquery('english', ${search.text})
      OR ${anyOf(Prisma.sql`t."contactId"`, contacts)} OR ${anyOf(Prisma.sql`t."customerId"`, customers)}${number})`);
  }
  return conditions;
}

/** The people and companies a search's free text names (by address, name or domain). */
async function textMatches(db: Db, workspaceId: string, text: string) {
  const needle = text.replace(/"/g, "").trim().toLowerCase();
  const [contacts, customers] =
    needle.length >= 2 ? await Promise.all([contactsLike(db, workspaceId, needle), customersLike(db, workspaceId, needle)]) : [[], []];
  return { needle, contacts, customers };
}

/**
 * How well a ticket matches the search, best first: the ticket number typed, then the sender or
 * customer named, then the words in the subject, then the full-text rank over subject and bodies
 * (scaled below 1, so it only orders within a tier).
 */
export async function searchRank(db: Db, workspaceId: string, search: ParsedSearch): Promise<Prisma.Sql> {
  const typed = search.text.trim();
  const numbers = [...search.numbers, ...(/^\d{1,9}$/.test(typed) ? [Number(typed)] : [])];
  const byNumber = numbers.length ? Prisma.sql`CASE WHEN t."ticketNumber" = ANY(${numbers}::int[]) THEN 8 ELSE 0 END` : Prisma.sql`0`;
  if (!typed) return byNumber;
  const { contacts, customers } = await textMatches(db, workspaceId, search.text);
  const query = Prisma.sql`websearch_to_tsquery('english', ${search.text})`;
  return Prisma.sql`(${byNumber}
    + CASE WHEN ${anyOf(Prisma.sql`t."contactId"`, contacts)} OR ${anyOf(Prisma.sql`t."customerId"`, customers)} THEN 4 ELSE 0 END
    + CASE WHEN to_tsvector('english', t."subject") @@ ${query} THEN 2 ELSE 0 END
    + ts_rank_cd(t."searchDocument", ${query}, 32))`;
}
