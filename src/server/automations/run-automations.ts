import type { Db } from "@/server/db";
import type { NewTicketHook } from "@/server/tickets/new-ticket-event";
import { applyActions, type ActionContext } from "./apply-actions";
import { matchableBody } from "./email-text";
import { evaluateRules, type TraceEntry } from "./evaluate-rules";
import { contactListIds } from "./sender-lists";
import { parseStoredRule, type StoredRule } from "./stored-rule";

/**
 * Applies one matched rule to the ticket: its run record, its actions, the match count and the
 * timeline entry commit together, or not at all. The run's unique key (rule, ticket, event) makes a
 * second run of the job — after a crash, or at the same time on another instance, which waits on
 * the key — apply nothing. A response the actions recorded is sent by its own job, which commits
 * with it.
 */
async function applyRule(db: Db, rule: StoredRule, ctx: ActionContext, trace: TraceEntry[]) {
  const { ticket } = ctx;
  await db.$transaction(async (tx) => {
    const run = await tx.automationRun.createMany({
      data: [{ workspaceId: rule.workspaceId, ruleId: rule.id, ticketId: ticket.id, event: rule.event }],
      skipDuplicates: true,
    });
    if (run.count === 0) return;
    const actions = await applyActions(tx, rule.actions, ctx);
    const now = new Date();
    await tx.automationRule.updateMany({ where: { id: rule.id, workspaceId: rule.workspaceId }, data: { matchCount: { increment: 1 }, lastMatchedAt: now } });
    await tx.activityEvent.create({
      data: {
        workspaceId: rule.workspaceId,
        ticketId: ticket.id,
        type: "automation_applied",
        data: { ruleId: rule.id, ruleName: rule.name, conditions: trace, actions },
        createdAt: now,
      },
    });
  });
}

/**
 * The automations hook of a ticket or conversation just created from inbound mail: the
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

  const noResponse = event.isAutoReply || event.isBulk || message.isAutoReply;
  for (const { rule, matched, trace } of evaluations) {
    if (matched) await applyRule(db, rule, { ruleId: rule.id, ticket, message, noResponse }, trace);
  }
};
