import type { Prisma } from "@/generated/prisma/client";
import type { OutboundEmailRow } from "@/server/outbound-mail/send-email";

/** One write of a new ticket's follow-up: a tag, the assignee, or an email with its send job. */
export type Effect = { kind: "tag"; tagId: string } | { kind: "assign"; userId: string } | { kind: "email"; email: OutboundEmailRow };

export interface PlannedEffect {
  effect: Effect;
  /** Told when this effect alone failed (it was undone); without it, its failure fails the whole follow-up. */
  onFail?: (error: unknown) => void;
}

/** Everything a follow-up writes, in the caller's transaction. */
export interface FollowupWrites {
  ticket: { id: string; workspaceId: string };
  effects: PlannedEffect[];
  /** The rules that ran: their match count goes up by one and their last match is `matchedAt`. */
  ruleIds: string[];
  matchedAt: Date;
  /** The `automation_applied` timeline entries, built once the effects' outcomes are known. */
  entries: () => { data: unknown; createdAt: Date }[];
}

interface Bookkeeping {
  ruleIds: string[];
  matchedAt: Date;
  entries: { data: unknown; createdAt: Date }[];
}

/**
 * The effects and the bookkeeping in one statement, set-based whatever their number. An email's
 * send job and (for a confirmation) its timeline entry come from the rows the insert returns, and
 * an email whose dedupe key another run recorded meanwhile is skipped with both: exactly once.
 */
function writeAll(tx: Prisma.TransactionClient, ticket: FollowupWrites["ticket"], effects: Effect[], bookkeeping: Bookkeeping | null) {
  const tagIds = effects.flatMap((e) => (e.kind === "tag" ? [e.tagId] : []));
  // The last assignment wins, as when the actions ran one after the other.
  const assignee = effects.flatMap((e) => (e.kind === "assign" ? [e.userId] : [])).at(-1) ?? null;
  const emails = effects.flatMap((e) => (e.kind === "email" ? [e.email] : []));
  const { ruleIds = [], matchedAt = new Date(), entries = [] } = bookkeeping ?? {};
  return tx.$executeRaw`
    WITH "tags" AS (
      INSERT INTO "TicketTag" ("ticketId", "tagId")
      SELECT ${ticket.id}::uuid, "tagId" FROM unnest(${tagIds}::uuid[]) AS "tagId"
      ON CONFLICT DO NOTHING
    ), "assigned" AS (
      UPDATE "Ticket" SET "assigneeId" = ${assignee}::uuid, "updatedAt" = now()
      WHERE ${assignee}::uuid IS NOT NULL AND "id" = ${ticket.id}::uuid AND "workspaceId" = ${ticket.workspaceId}::uuid
      RETURNING "id", "workspaceId", "assigneeId"
    ), "assigned_notice" AS (
      -- The rule's assignee is told (see "ticket.notify"); a run of the same rule again tells them once.
      INSERT INTO "Job" ("id", "workspaceId", "type", "payload", "status")
      SELECT gen_random_uuid(), "workspaceId", 'ticket.notify', jsonb_build_object('type', 'assigned', 'ticketId', "id", 'userIds', jsonb_build_array("assigneeId"),
        'actorUserId', NULL, 'messageId', NULL, 'key', 'rule-assigned:' || "id" || ':' || "assigneeId"), 'pending'
      FROM "assigned"
    ), "emails" AS (
      INSERT INTO "OutboundEmail" ("id", "workspaceId", "ticketId", "messageId", "mailboxId", "kind", "fromAddress", "toAddress", "ccAddresses",
        "subject", "bodyText", "bodyHtml", "messageIdHeader", "inReplyTo", "references", "dedupeKey", "updatedAt")
      SELECT e."id", e."workspaceId", e."ticketId", e."messageId", e."mailboxId", e."kind"::"OutboundEmailKind", e."fromAddress", e."toAddress",
        e."ccAddresses", e."subject", e."bodyText", e."bodyHtml", e."messageIdHeader", e."inReplyTo", e."references", e."dedupeKey", now()
      FROM json_to_recordset(${JSON.stringify(emails)}::json) AS e("id" uuid, "workspaceId" uuid, "ticketId" uuid, "messageId" uuid, "mailboxId" uuid,
        "kind" text, "fromAddress" text, "toAddress" text, "ccAddresses" text[], "subject" text, "bodyText" text, "bodyHtml" text,
        "messageIdHeader" text, "inReplyTo" text, "references" text[], "dedupeKey" text)
      ON CONFLICT ("dedupeKey") DO NOTHING
      RETURNING "id", "workspaceId", "kind", "toAddress"
    ), "send" AS (
      INSERT INTO "Job" ("id", "workspaceId", "type", "payload", "status")
      SELECT gen_random_uuid(), "workspaceId", 'email.send', jsonb_build_object('outboundEmailId', "id"), 'pending' FROM "emails"
    ), "locked" AS (
      -- Concurrent follow-ups count the same rules: their rows are locked in one order (by id),
      -- never the heap's, which each update changes, so two of them cannot deadlock.
      SELECT "id" FROM "AutomationRule" WHERE "workspaceId" = ${ticket.workspaceId}::uuid AND "id" = ANY(${ruleIds}::uuid[])
      ORDER BY "id" FOR NO KEY UPDATE
    ), "counts" AS (
      UPDATE "AutomationRule" r SET "matchCount" = r."matchCount" + 1, "lastMatchedAt" = ${matchedAt}, "updatedAt" = ${matchedAt}
      FROM "locked" WHERE r."id" = "locked"."id"
    ), "applied" AS (
      INSERT INTO "ActivityEvent" ("id", "workspaceId", "ticketId", "type", "data", "createdAt")
      SELECT gen_random_uuid(), ${ticket.workspaceId}::uuid, ${ticket.id}::uuid, 'automation_applied', a."data", a."createdAt"
      FROM json_to_recordset(${JSON.stringify(entries)}::json) AS a("data" jsonb, "createdAt" timestamp(3))
    )
    INSERT INTO "ActivityEvent" ("id", "workspaceId", "ticketId", "type", "data")
    SELECT gen_random_uuid(), "workspaceId", ${ticket.id}::uuid, 'confirmation_sent', jsonb_build_object('outboundEmailId', "id", 'to', "toAddress")
    FROM "emails" WHERE "kind" = 'confirmation'`;
}

/**
 * Writes a follow-up in a fixed number of statements. Should one effect fail (a database error),
 * they are written again one by one, each in its own savepoint: a failing one is undone and
 * reported to its `onFail`, and never stops the others or the bookkeeping.
 */
export async function writeFollowup(tx: Prisma.TransactionClient, writes: FollowupWrites): Promise<void> {
  const { ticket, effects } = writes;
  if (effects.length === 0 && writes.ruleIds.length === 0) return;
  const bookkeeping = () => ({ ruleIds: writes.ruleIds, matchedAt: writes.matchedAt, entries: writes.entries() });
  await tx.$executeRaw`SAVEPOINT followup_writes`;
  try {
    await writeAll(
      tx,
      ticket,
      effects.map((e) => e.effect),
      bookkeeping(),
    );
    await tx.$executeRaw`RELEASE SAVEPOINT followup_writes`;
    return;
  } catch {
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT followup_writes`;
  }
  for (const { effect, onFail } of effects) {
    if (!onFail) {
      await writeAll(tx, ticket, [effect], null);
      continue;
    }
    await tx.$executeRaw`SAVEPOINT followup_effect`;
    try {
      await writeAll(tx, ticket, [effect], null);
      await tx.$executeRaw`RELEASE SAVEPOINT followup_effect`;
    } catch (error) {
      await tx.$executeRaw`ROLLBACK TO SAVEPOINT followup_effect`;
      onFail(error);
    }
  }
  await writeAll(tx, ticket, [], bookkeeping());
}
