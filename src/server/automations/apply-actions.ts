import { htmlToPlainText } from "@/server/email/html";
import { replyReferences } from "@/server/email/message-id";
import { withTicketToken } from "@/server/email/subject";
import type { FollowupMessage, FollowupTicket } from "@/server/inbound/followup-context";
import { outboundEmailRow } from "@/server/outbound-mail/send-email";
import type { Action } from "./automations.schema";
import { automatedResponseKey, responseSkip, type ResponseFacts } from "./automated-response";
import { looksLikeHtml } from "./email-text";
import type { PlannedEffect } from "./followup-effects";
import { renderTemplate, ticketTemplateContext } from "./render-template";

export interface ActionContext {
  ticket: FollowupTicket;
  message: FollowupMessage;
  /** Auto-replies and bulk mail are never answered; the other actions still run. */
  noResponse: boolean;
}

/** What the actions of a run found in the database, read once for all its rules. */
export interface ActionFacts extends Omit<ResponseFacts, "recent"> {
  /** The workspace's tags the rules name, by id, with their names. */
  tags: ReadonlyMap<string, string>;
  /** Who of the users the rules name is a member of the workspace (the one rule for assignees). */
  members: ReadonlySet<string>;
  /** An automated response to the sender within the cooldown; set once this run records one. */
  recent: boolean;
}

/** One action's outcome, as the `automation_applied` timeline entry shows it. */
export type ActionResult = { type: Action["type"]; status: "applied" | "skipped" | "failed" } & Record<string, string>;

function sendResponse(ruleId: string, body: string, ctx: ActionContext, facts: ActionFacts): ActionResult | PlannedEffect["effect"] {
  const { ticket, message } = ctx;
  if (ctx.noResponse) return { type: "send_response", status: "skipped", reason: "auto_reply" };
  if (!ticket.contact) return { type: "send_response", status: "skipped", reason: "no_contact" };
  const to = ticket.contact.email.trim().toLowerCase();
  const dedupeKey = automatedResponseKey(ruleId, ticket.id);
  const skip = responseSkip(facts, dedupeKey);
  if (skip || !facts.mailbox) return { type: "send_response", status: "skipped", reason: skip ?? "no_sendable_mailbox", to };
  const context = ticketTemplateContext(ticket, ticket.workspace);
  // An HTML template gets its values escaped and a text part derived from it; a plain one stays plain.
  const html = looksLikeHtml(body) ? renderTemplate(body, context, "html") : null;
  facts.recent = true;
  const email = outboundEmailRow(
    {
      workspaceId: ticket.workspaceId,
      kind: "automated_response",
      to,
      subject: withTicketToken(ticket.subject, ticket.ticketNumber),
      text: html === null ? renderTemplate(body, context, "text") : htmlToPlainText(html),
      html,
      ticketId: ticket.id,
      inReplyTo: message.messageIdHeader,
      references: replyReferences(message),
      dedupeKey,
    },
    facts.mailbox,
  );
  return { kind: "email", email };
}

function planAction(ruleId: string, action: Action, ctx: ActionContext, facts: ActionFacts): ActionResult | PlannedEffect["effect"] {
  switch (action.type) {
    case "add_tag": {
      // The tag may have been deleted since the rule was saved; never tag across workspaces.
      const tagName = facts.tags.get(action.tag_id);
      if (tagName === undefined) return { type: "add_tag", status: "skipped", reason: "tag_not_found", tagId: action.tag_id };
      return { kind: "tag", tagId: action.tag_id };
    }
    case "assign_agent":
      // Someone who left the workspace is skipped silently, not an error.
      if (!facts.members.has(action.user_id)) return { type: "assign_agent", status: "skipped", reason: "not_a_member", userId: action.user_id };
      return { kind: "assign", userId: action.user_id };
    case "send_response":
      return sendResponse(ruleId, action.body, ctx, facts);
  }
}

function appliedResult(effect: PlannedEffect["effect"], facts: ActionFacts): ActionResult {
  switch (effect.kind) {
    case "tag":
      return { type: "add_tag", status: "applied", tagId: effect.tagId, tagName: facts.tags.get(effect.tagId)! };
    case "assign":
      return { type: "assign_agent", status: "applied", userId: effect.userId };
    case "email":
      return { type: "send_response", status: "applied", outboundEmailId: effect.email.id, to: effect.email.toAddress };
  }
}

/**
 * A matched rule's actions, in order, against what the run read: each one's outcome, and the
 * writes of those that apply. A write that fails on its own (as Chatwoot's per-action try/catch)
 * is undone, turns its outcome into `failed`, and never stops the others. `facts.recent` carries
 * this rule's response to the next rule's cooldown check.
 */
export function planActions(ruleId: string, actions: readonly Action[], ctx: ActionContext, facts: ActionFacts) {
  const results: ActionResult[] = [];
  const effects: PlannedEffect[] = [];
  for (const action of actions) {
    const planned = planAction(ruleId, action, ctx, facts);
    if ("status" in planned) {
      results.push(planned);
      continue;
    }
    const index = results.push(appliedResult(planned, facts)) - 1;
    effects.push({
      effect: planned,
      onFail: (error) => {
        const reason = error instanceof Error ? error.message : String(error);
        console.error(`Automation rule ${ruleId}: action ${action.type} failed on ticket ${ctx.ticket.id}`, error);
        results[index] = { type: action.type, status: "failed", reason: reason.slice(0, 500) };
      },
    });
  }
  return { results, effects };
}
