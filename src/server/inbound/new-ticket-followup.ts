import type { Prisma } from "@/generated/prisma/client";
import type { JobHandler } from "@/server/jobs/jobs";
import { jobPayload } from "@/server/jobs/job-types";
import { lockKeys } from "@/server/db/advisory-lock";
import { AUTOMATED_RESPONSE_COOLDOWN_MS, automatedResponseLock } from "@/server/automations/automated-response";
import type { ActionFacts } from "@/server/automations/apply-actions";
import { writeFollowup, type PlannedEffect } from "@/server/automations/followup-effects";
import { claimRuns, matchingRules, planAutomations, referencedByActions } from "@/server/automations/run-automations";
import { outboundEmailRow, type SenderMailbox } from "@/server/outbound-mail/send-email";
import { replyReferences } from "@/server/email/message-id";
import { withTicketToken } from "@/server/email/subject";
import type { NewTicketHook } from "@/server/tickets/new-ticket-event";
import { loadFollowupContext, type FollowupContext } from "./followup-context";

/**
 * What the writes of a follow-up depend on, read in one statement inside its transaction (after
 * the lock on the recipient, so the cooldown check sees every response committed before it).
 */
async function followupFacts(
  tx: Prisma.TransactionClient,
  { ticket }: FollowupContext,
  read: { to: string | null; tagIds: string[]; userIds: string[]; dedupeKeys: string[] },
): Promise<ActionFacts> {
  const [row] = await tx.$queryRaw<
    {
      tags: { id: string; name: string }[];
      members: string[];
      sentKeys: string[];
      suppressed: boolean;
      recent: boolean;
      defaultMailbox: SenderMailbox | null;
    }[]
  >`
    SELECT
      (SELECT coalesce(json_agg(json_build_object('id', g."id", 'name', g."name")), '[]'::json) FROM "Tag" g
        WHERE g."workspaceId" = ${ticket.workspaceId}::uuid AND g."id" = ANY(${read.tagIds}::uuid[])) AS "tags",
      ARRAY(SELECT p."userId"::text FROM "Membership" p WHERE p."workspaceId" = ${ticket.workspaceId}::uuid AND p."userId" = ANY(${read.userIds}::uuid[])) AS "members",
      ARRAY(SELECT o."dedupeKey" FROM "OutboundEmail" o WHERE o."dedupeKey" = ANY(${read.dedupeKeys}::text[])) AS "sentKeys",
      EXISTS (SELECT 1 FROM "SuppressedAddress" s WHERE s."workspaceId" = ${ticket.workspaceId}::uuid AND s."email" = ${read.to}::text) AS "suppressed",
      EXISTS (
        SELECT 1 FROM "OutboundEmail" o
        WHERE o."workspaceId" = ${ticket.workspaceId}::uuid AND o."toAddress" = ${read.to}::text AND o."kind" = 'automated_response'
          AND o."createdAt" >= ${new Date(Date.now() - AUTOMATED_RESPONSE_COOLDOWN_MS)}
      ) AS "recent",
      (SELECT json_build_object('id', b."id", 'address', b."address") FROM "Mailbox" b
        WHERE b."workspaceId" = ${ticket.workspaceId}::uuid AND b."sendable" ORDER BY b."isDefault" DESC, b."createdAt" ASC LIMIT 1) AS "defaultMailbox"`;
  const facts = row!;
  return {
    tags: new Map(facts.tags.map((tag) => [tag.id, tag.name])),
    members: new Set(facts.members),
    sentKeys: new Set(facts.sentKeys),
    suppressed: facts.suppressed,
    recent: facts.recent,
    // The ticket's mailbox when it can send, else the workspace's default sendable one.
    mailbox: ticket.mailbox?.sendable ? ticket.mailbox : facts.defaultMailbox,
  };
}

/** The confirmation's dedupe key: one per ticket, however often the job runs. */
const confirmationKey = (ticketId: string) => `confirmation:${ticketId}`;

/** The confirmation with the ticket reference, as an email row from the sender mailbox. */
function confirmationEmail({ ticket, message }: FollowupContext, to: string, mailbox: SenderMailbox | null): PlannedEffect {
  const greeting = ticket.contact?.name ? `Hi ${ticket.contact.name},` : "Hello,";
  const email = outboundEmailRow(
    {
      workspaceId: ticket.workspaceId,
      kind: "confirmation",
      to,
      subject: withTicketToken(ticket.subject, ticket.ticketNumber),
      text: `${greeting}\n\nThanks for contacting ${ticket.workspace.name}. We received your message and will get back to you soon.\nYour ticket reference is #${ticket.ticketNumber}; just reply to this email to add to it.\n`,
      ticketId: ticket.id,
      inReplyTo: message.messageIdHeader,
      references: replyReferences(message),
      dedupeKey: confirmationKey(ticket.id),
    },
    mailbox,
  );
  // No onFail: a confirmation that cannot be written fails the job, which is retried.
  return { effect: { kind: "email", email } };
}

/**
 * The after-commit work of a new ticket from inbound mail: the hooks first, then (with
 * `automations`) the event's rules and the confirmation with the ticket reference — never to
 * auto-replies or bulk mail, nor to an address on the suppression list. The rules' effects and the
 * confirmation commit together in one transaction of a fixed number of statements, however many
 * rules match. Safe to run twice: each rule's run is recorded under a unique key, and the
 * confirmation has a dedupe key.
 */
export function newTicketFollowup(hooks: NewTicketHook[], options: { automations?: boolean } = {}): JobHandler {
  return async (db, job) => {
    const event = { ...jobPayload("inbound.new_ticket", job.payload), workspaceId: job.workspaceId };
    for (const hook of hooks) await hook(db, event);
    const ctx = await loadFollowupContext(db, event);
    if (!ctx) return;
    const { ticket, message } = ctx;
    const matched = options.automations ? await matchingRules(db, event, ctx) : [];
    const to = ticket.contact?.email.trim().toLowerCase() ?? null;
    const confirm = to !== null && !event.isAutoReply && !event.isBulk;
    if (matched.length === 0 && !confirm) return;
    const noResponse = event.isAutoReply || event.isBulk || message.isAutoReply;

    await db.$transaction(async (tx) => {
      const claimed = await claimRuns(tx, event, matched);
      if (claimed.length === 0 && !confirm) return;
      const read = referencedByActions(claimed, ticket.id);
      if (to && !noResponse && read.responseKeys.length > 0) await lockKeys(tx, [automatedResponseLock(ticket.workspaceId, to)]);
      const facts = await followupFacts(tx, ctx, { to, ...read, dedupeKeys: [...read.responseKeys, confirmationKey(ticket.id)] });
      const automations = planAutomations(claimed, { ticket, message, noResponse }, facts);
      const effects = [...automations.effects];
      if (confirm && !facts.suppressed && !facts.sentKeys.has(confirmationKey(ticket.id)))
        effects.push(confirmationEmail(ctx, ticket.contact!.email, facts.mailbox));
      await writeFollowup(tx, { ticket, ...automations, effects });
    });
  };
}
