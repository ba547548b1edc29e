import type { Contact, Mailbox, Message, Prisma, Ticket, Workspace } from "@/generated/prisma/client";
import { htmlToPlainText } from "@/server/email/html";
import { replyReferences } from "@/server/email/message-id";
import { withTicketToken } from "@/server/email/subject";
import { assignableUserIds } from "@/server/members/assignees";
import type { Action } from "./automations.schema";
import { recordAutomatedResponse } from "./automated-response";
import { looksLikeHtml } from "./email-text";
import { renderTemplate, type TemplateContext } from "./render-template";

export interface ActionContext {
  ruleId: string;
  ticket: Ticket & { contact: Contact | null; mailbox: Mailbox | null; workspace: Workspace };
  message: Message;
  /** Auto-replies and bulk mail are never answered; the other actions still run. */
  noResponse: boolean;
}

/** One action's outcome, as the `automation_applied` timeline entry shows it. */
export type ActionResult = { type: Action["type"]; status: "applied" | "skipped" | "failed" } & Record<string, string>;

async function addTag(tx: Prisma.TransactionClient, tagId: string, ctx: ActionContext): Promise<ActionResult> {
  // The tag may have been deleted since the rule was saved; never tag across workspaces.
  const tag = await tx.tag.findFirst({ where: { id: tagId, workspaceId: ctx.ticket.workspaceId }, select: { id: true, name: true } });
  if (!tag) return { type: "add_tag", status: "skipped", reason: "tag_not_found", tagId };
  await tx.ticketTag.createMany({ data: [{ ticketId: ctx.ticket.id, tagId: tag.id }], skipDuplicates: true });
  return { type: "add_tag", status: "applied", tagId: tag.id, tagName: tag.name };
}

async function assignAgent(tx: Prisma.TransactionClient, userId: string, ctx: ActionContext): Promise<ActionResult> {
  // Someone who left the workspace is skipped silently, not an error.
  if (!(await assignableUserIds(tx, ctx.ticket.workspaceId, [userId])).has(userId))
    return { type: "assign_agent", status: "skipped", reason: "not_a_member", userId };
  await tx.ticket.updateMany({ where: { id: ctx.ticket.id, workspaceId: ctx.ticket.workspaceId }, data: { assigneeId: userId } });
  return { type: "assign_agent", status: "applied", userId };
}

async function sendResponse(tx: Prisma.TransactionClient, body: string, ctx: ActionContext): Promise<ActionResult> {
  const { ticket, message } = ctx;
  if (ctx.noResponse) return { type: "send_response", status: "skipped", reason: "auto_reply" };
  if (!ticket.contact) return { type: "send_response", status: "skipped", reason: "no_contact" };
  const context: TemplateContext = {
    contact: { name: ticket.contact.name, email: ticket.contact.email },
    ticket: { number: ticket.ticketNumber, subject: ticket.subject },
    workspace: { name: ticket.workspace.name },
  };
  // An HTML template gets its values escaped and a text part derived from it; a plain one stays plain.
  const html = looksLikeHtml(body) ? renderTemplate(body, context, "html") : null;
  const outcome = await recordAutomatedResponse(tx, {
    workspaceId: ticket.workspaceId,
    ruleId: ctx.ruleId,
    ticketId: ticket.id,
    mailbox: ticket.mailbox,
    to: ticket.contact.email,
    subject: withTicketToken(ticket.subject, ticket.ticketNumber),
    text: html === null ? renderTemplate(body, context, "text") : htmlToPlainText(html),
    html,
    inReplyTo: message.messageIdHeader,
    references: replyReferences(message),
  });
  if (outcome.status === "skipped") return { type: "send_response", status: "skipped", reason: outcome.reason, to: outcome.to };
  return { type: "send_response", status: "applied", outboundEmailId: outcome.outboundEmailId, to: outcome.to };
}

function applyAction(tx: Prisma.TransactionClient, action: Action, ctx: ActionContext): Promise<ActionResult> {
  switch (action.type) {
    case "add_tag":
      return addTag(tx, action.tag_id, ctx);
    case "assign_agent":
      return assignAgent(tx, action.user_id, ctx);
    case "send_response":
      return sendResponse(tx, action.body, ctx);
  }
}

/**
 * Runs each action in the caller's transaction, in its own try/catch (as Chatwoot does) and its own
 * savepoint: a failing action is undone and never stops the others. A recorded response is sent by
 * the caller after the commit.
 */
export async function applyActions(tx: Prisma.TransactionClient, actions: readonly Action[], ctx: ActionContext): Promise<ActionResult[]> {
  const results: ActionResult[] = [];
  for (const action of actions) {
    await tx.$executeRaw`SAVEPOINT automation_action`;
    try {
      results.push(await applyAction(tx, action, ctx));
      await tx.$executeRaw`RELEASE SAVEPOINT automation_action`;
    } catch (error) {
      await tx.$executeRaw`ROLLBACK TO SAVEPOINT automation_action`;
      const reason = error instanceof Error ? error.message : String(error);
      console.error(`Automation rule ${ctx.ruleId}: action ${action.type} failed on ticket ${ctx.ticket.id}`, error);
      results.push({ type: action.type, status: "failed", reason: reason.slice(0, 500) });
    }
  }
  return results;
}
