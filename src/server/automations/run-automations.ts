import type { Db } from "@/server/db";
import type { NewTicketHook } from "@/server/inbound/new-ticket-followup";
import { applyActions, type ActionResult } from "./apply-actions";
import { matchableBody } from "./email-text";
import { evaluateRules, type TraceEntry } from "./evaluate-rules";
import { contactListIds } from "./sender-lists";
import { parseStoredRule, type StoredRule } from "./stored-rule";

/** Rules already applied to the ticket: a retried job (say, its confirmation failed) skips them. */
async function appliedRuleIds(db: Db, workspaceId: string, ticketId: string): Promise<Set<string>> {
  const events = await db.activityEvent.findMany({ where: { workspaceId, ticketId, type: "automation_applied" }, select: { data: true } });
  return new Set(events.flatMap(({ data }) => (typeof data === "object" && data && "ruleId" in data && typeof data.ruleId === "string" ? [data.ruleId] : [])));
}

/** The match is counted (atomic increment) and put on the timeline together, or not at all. */
async function recordMatch(db: Db, rule: StoredRule, ticketId: string, trace: TraceEntry[], actions: ActionResult[]) {
  const now = new Date();
  await db.$transaction([
    db.automationRule.updateMany({ where: { id: rule.id, workspaceId: rule.workspaceId }, data: { matchCount: { increment: 1 }, lastMatchedAt: now } }),
    db.activityEvent.create({
      data: {
        workspaceId: rule.workspaceId,
        ticketId,
        type: "automation_applied",
        data: { ruleId: rule.id, ruleName: rule.name, conditions: trace, actions },
        createdAt: now,
      },
    }),
  ]);
}

/**
 * The automations hook of a ticket or conversation just created from inbound mail (SPEC §5): the
 * event's active rules in priority order against the first message, each match's actions, then its
 * bookkeeping. The sender's list memberships are loaded once for all rules. Rules never run on
 * existing tickets: only the new-ticket job calls this.
 */
export const runNewTicketAutomations: NewTicketHook = async (db, event) => {
  const { workspaceId } = event;
  const rows = await db.automationRule.findMany({ where: { workspaceId, event: event.event, isActive: true } });
  if (rows.length === 0) return;
  const [ticket, message] = await Promise.all([
    db.ticket.findFirst({ where: { id: event.ticketId, workspaceId }, include: { contact: true, mailbox: true, workspace: true } }),
    db.message.findFirst({ where: { id: event.messageId, ticketId: event.ticketId, workspaceId } }),
  ]);
  if (!ticket || !message) return;

  const rules = rows.flatMap((row) => {
    const rule = parseStoredRule(row);
    if (!rule) console.error(`Automation rule ${row.id} has invalid conditions or actions and was skipped`);
    return rule ? [rule] : [];
  });
  const listIds = ticket.contact ? await contactListIds(db, workspaceId, { contactId: ticket.contact.id }) : new Set<string>();
  const evaluations = evaluateRules(rules, {
    fromEmail: message.fromAddress ?? ticket.contact?.email ?? "",
    subject: message.subject ?? ticket.subject,
    body: matchableBody({ text: message.bodyTextFull ?? message.bodyText, html: message.bodyHtml }),
    listIds,
  });

  const applied = await appliedRuleIds(db, workspaceId, ticket.id);
  const noResponse = event.isAutoReply || event.isBulk || message.isAutoReply;
  for (const { rule, matched, trace } of evaluations) {
    if (!matched || applied.has(rule.id)) continue;
    const results = await applyActions(db, rule.actions, { ruleId: rule.id, ticket, message, noResponse });
    await recordMatch(db, rule, ticket.id, trace, results);
  }
};
