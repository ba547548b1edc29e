import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import type { FollowupContext } from "@/server/inbound/followup-context";
import type { NewTicketEvent } from "@/server/tickets/new-ticket-event";
import { planActions, type ActionContext, type ActionFacts } from "./apply-actions";
import { automatedResponseKey } from "./automated-response";
import { matchableBody } from "./email-text";
import { evaluateRules, type RuleEvaluation } from "./evaluate-rules";
import type { FollowupWrites } from "./followup-effects";
import { activeRules, type CachedRule } from "./rules-cache";

export type MatchedRule = RuleEvaluation<CachedRule>;

/**
 * The event's active rules (parsed once per version of the workspace's rules) in priority order
 * against the first message; the ones that matched, in order. Rules never run on existing
 * tickets: only the new-ticket job calls this.
 */
export async function matchingRules(db: Db, event: NewTicketEvent, { ticket, message, listIds }: FollowupContext): Promise<MatchedRule[]> {
  const rules = await activeRules(db, event.workspaceId, ticket.workspace.automationRulesVersion, event.event);
  if (rules.length === 0) return [];
  const evaluations = evaluateRules(rules, {
    fromEmail: message.fromAddress ?? ticket.contact?.email ?? "",
    subject: message.subject ?? ticket.subject,
    body: matchableBody({ text: message.bodyTextFull ?? message.bodyText, html: message.bodyHtml }),
    listIds,
  });
  return evaluations.filter((evaluation) => evaluation.matched);
}

/**
 * Records the run of each matched rule under its unique key (rule, ticket, event), in one
 * statement, and answers the rules whose run this is. A second run of the job — after a crash, or
 * at the same time on another instance, which waits on the keys — gets none and applies nothing.
 */
export async function claimRuns(tx: Prisma.TransactionClient, event: NewTicketEvent, matched: MatchedRule[]): Promise<MatchedRule[]> {
  if (matched.length === 0) return [];
  const claimed = await tx.$queryRaw<{ ruleId: string }[]>`
    INSERT INTO "AutomationRun" ("id", "workspaceId", "ruleId", "ticketId", "event")
    SELECT gen_random_uuid(), ${event.workspaceId}::uuid, "ruleId", ${event.ticketId}::uuid, ${event.event}::"AutomationEvent"
    FROM unnest(${matched.map((m) => m.rule.id)}::uuid[]) AS "ruleId"
    ON CONFLICT DO NOTHING
    RETURNING "ruleId"::text`;
  const ids = new Set(claimed.map((row) => row.ruleId));
  return matched.filter((m) => ids.has(m.rule.id));
}

/** What the claimed rules' actions need read: the tags and users they name, their responses' keys. */
export function referencedByActions(claimed: MatchedRule[], ticketId: string) {
  const actions = claimed.flatMap((m) => m.rule.actions.map((action) => ({ ruleId: m.rule.id, action })));
  return {
    tagIds: actions.flatMap(({ action }) => (action.type === "add_tag" ? [action.tag_id] : [])),
    userIds: actions.flatMap(({ action }) => (action.type === "assign_agent" ? [action.user_id] : [])),
    responseKeys: actions.flatMap(({ ruleId, action }) => (action.type === "send_response" ? [automatedResponseKey(ruleId, ticketId)] : [])),
  };
}

/**
 * The claimed rules' writes, in run order: each action's effect, each rule's match count and its
 * timeline entry (its conditions' trace and its actions' outcomes).
 */
export function planAutomations(claimed: MatchedRule[], ctx: ActionContext, facts: ActionFacts): Omit<FollowupWrites, "ticket"> {
  const matchedAt = new Date();
  const planned = claimed.map(({ rule, trace }) => ({ rule, trace, ...planActions(rule.id, rule.actions, ctx, facts) }));
  return {
    effects: planned.flatMap((p) => p.effects),
    ruleIds: claimed.map((m) => m.rule.id),
    matchedAt,
    // One millisecond apart, so the timeline keeps the run order.
    entries: () =>
      planned.map(({ rule, trace, results }, i) => ({
        data: { ruleId: rule.id, ruleName: rule.name, conditions: trace, actions: results },
        createdAt: new Date(matchedAt.getTime() + i),
      })),
  };
}
