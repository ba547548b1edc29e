import type { Prisma, TicketStatus } from "@/generated/prisma/client";
import type { WorkspaceAccess } from "@/server/auth/access";
import { renderTemplate, ticketTemplateContext } from "@/server/automations/render-template";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { enqueueJob } from "@/server/jobs/jobs";
import { assertAssignable } from "@/server/members/assignees";
import { assignmentNotice } from "@/server/notifications/ticket-notices";
import { refreshTicketSla } from "@/server/sla/ticket-sla";
import { recordActivity } from "@/server/tickets/activity";
import { addMessageInTx } from "@/server/tickets/add-message";
import { applyStatusChange } from "@/server/tickets/ticket-status";
import { ensureTagsByName } from "@/server/tickets/ticket-tags";
import { findMacro, macroActions } from "./macros.service";
import type { ApplyMacroInput, MacroAction } from "./macros.schema";

/** One change a macro makes (or would make) to a ticket; `text` is a reply's or note's rendered body. */
export type MacroChange = { type: MacroAction["type"]; from?: string | null; to?: string | null; text?: string };
export interface MacroTicketResult {
  ticketId: string;
  ticketNumber: number | null;
  subject: string | null;
  changes: MacroChange[];
  /** A merged ticket (final) or an id that names no ticket here: nothing applies. */
  skipped: "merged" | "not_found" | null;
}
export interface MacroRun {
  macroId: string;
  applied: boolean;
  tickets: MacroTicketResult[];
}

const ticketShape = { contact: { select: { name: true, email: true } }, tags: { include: { tag: true } } } satisfies Prisma.TicketInclude;
type MacroTicket = Prisma.TicketGetPayload<{ include: typeof ticketShape }>;

/** What the macro would change on each ticket, action by action, without changing anything. */
export function previewMacro(db: Db, access: WorkspaceAccess, macroId: string, input: ApplyMacroInput): Promise<MacroRun> {
  return db.$transaction((tx) => runMacro(tx, access, macroId, input, false));
}

/**
 * Applies every action of the macro to every ticket in one transaction: all of it commits or none.
 * Each change gets its timeline entry; a reply goes through the agents' reply path (its email waits
 * the undo window). The tickets are locked in id order, as bulk updates lock them.
 */
export function applyMacro(db: Db, access: WorkspaceAccess, macroId: string, input: ApplyMacroInput): Promise<MacroRun> {
  return db.$transaction((tx) => runMacro(tx, access, macroId, input, true));
}

async function runMacro(tx: Prisma.TransactionClient, access: WorkspaceAccess, macroId: string, input: ApplyMacroInput, write: boolean): Promise<MacroRun> {
  const workspaceId = access.workspace.id;
  const macro = await findMacro(tx, workspaceId, macroId);
  const actions = macroActions(macro);
  const replyIds = actions.flatMap((a) => (a.type === "reply" ? [a.savedReplyId] : []));
  const replies = new Map((await tx.savedReply.findMany({ where: { id: { in: replyIds }, workspaceId, ownerUserId: null } })).map((r) => [r.id, r.body]));
  if (replyIds.some((id) => !replies.has(id))) throw new AppError("CONFLICT", "The macro's saved reply was deleted; an owner needs to pick another one");

  const ids = [...new Set(input.ticketIds)];
  if (write) await tx.$queryRaw`SELECT "id" FROM "Ticket" WHERE "id" = ANY(${ids}::uuid[]) AND "workspaceId" = ${workspaceId}::uuid ORDER BY "id" FOR UPDATE`;
  const found = new Map((await tx.ticket.findMany({ where: { id: { in: ids }, workspaceId }, include: ticketShape })).map((t) => [t.id, t]));
  const results: MacroTicketResult[] = [];
  for (const ticketId of ids) {
    const ticket = found.get(ticketId);
    const skipped = !ticket ? "not_found" : ticket.status === "merged" ? "merged" : null;
    const changes: MacroChange[] = [];
    if (ticket && !skipped) {
      const state = new TicketState(ticket);
      for (const action of actions) {
        const change = await applyAction(tx, access, state, action, replies, write);
        if (change) changes.push(change);
      }
    }
    results.push({ ticketId, ticketNumber: ticket?.ticketNumber ?? null, subject: ticket?.subject ?? null, changes, skipped });
  }
  return { macroId: macro.id, applied: write, tickets: results };
}

/** A ticket as the macro's earlier actions left it, so a preview of later ones is right. */
class TicketState {
  status: string;
  priority: string;
  assigneeId: string | null;
  readonly tags: Map<string, string>;
  constructor(readonly ticket: MacroTicket) {
    this.status = ticket.status;
    this.priority = ticket.priority;
    this.assigneeId = ticket.assigneeId;
    this.tags = new Map(ticket.tags.map(({ tag }) => [tag.name.toLowerCase(), tag.name]));
  }
}

async function applyAction(
  tx: Prisma.TransactionClient,
  access: WorkspaceAccess,
  state: TicketState,
  action: MacroAction,
  replies: Map<string, string>,
  write: boolean,
): Promise<MacroChange | null> {
  const { ticket } = state;
  const workspaceId = access.workspace.id;
  const entry = { workspaceId, ticketId: ticket.id, actorUserId: access.user.id };
  const render = (template: string) => renderTemplate(template, ticketTemplateContext(ticket, access.workspace));

  switch (action.type) {
    case "set_status": {
      if (state.status === action.status) return null;
      const from = state.status;
      state.status = action.status;
      // The agents' own status change: snooze, auto-close schedule, survey and SLA follow it alike.
      if (write) await applyStatusChange(tx, access, { ...ticket, status: from as TicketStatus }, { toStatus: action.status });
      return { type: action.type, from, to: action.status };
    }
    case "set_priority": {
      if (state.priority === action.priority) return null;
      const from = state.priority;
      state.priority = action.priority;
      if (write) {
        await tx.ticket.update({ where: { id: ticket.id }, data: { priority: action.priority } });
        await refreshTicketSla(tx, workspaceId, ticket.id);
        await recordActivity(tx, { ...entry, type: "priority_changed", data: { from, to: action.priority } });
      }
      return { type: action.type, from, to: action.priority };
    }
    case "assign": {
      if (state.assigneeId === action.assigneeId) return null;
      // The member may have left since the macro was written.
      if (action.assigneeId) await assertAssignable(tx, workspaceId, action.assigneeId, "assigneeId");
      const from = state.assigneeId;
      state.assigneeId = action.assigneeId;
      if (write) {
        await tx.ticket.update({ where: { id: ticket.id }, data: { assigneeId: action.assigneeId } });
        await recordActivity(tx, { ...entry, type: "assigned", data: { from, to: action.assigneeId } });
        const notice = assignmentNotice(workspaceId, ticket.id, action.assigneeId, access.user.id);
        if (notice) await enqueueJob(tx, notice);
      }
      return { type: action.type, from, to: action.assigneeId };
    }
    case "add_tag": {
      if (state.tags.has(action.tag.toLowerCase())) return null;
      let name = action.tag;
      if (write) {
        const [tag] = await ensureTagsByName(tx, workspaceId, [action.tag]);
        name = tag!.name;
        await tx.ticketTag.create({ data: { ticketId: ticket.id, tagId: tag!.id } });
        await recordActivity(tx, { ...entry, type: "tagged", data: { added: [name], removed: [] } });
      }
      state.tags.set(name.toLowerCase(), name);
      return { type: action.type, to: name };
    }
    case "remove_tag": {
      const name = state.tags.get(action.tag.toLowerCase());
      if (!name) return null;
      state.tags.delete(action.tag.toLowerCase());
      if (write) {
        await tx.ticketTag.deleteMany({ where: { ticketId: ticket.id, tag: { workspaceId, name } } });
        await recordActivity(tx, { ...entry, type: "tagged", data: { added: [], removed: [name] } });
      }
      return { type: action.type, from: name };
    }
    case "reply": {
      // No contact, nobody to email: the reply is left out, as the preview shows.
      if (!ticket.contact) return null;
      const text = render(replies.get(action.savedReplyId)!);
      if (write) await addMessageInTx(tx, access, ticket.id, { body: text, isInternal: false, sendEmail: true });
      return { type: action.type, to: ticket.contact.email, text };
    }
    case "add_note": {
      const text = render(action.body);
      if (write) await addMessageInTx(tx, access, ticket.id, { body: text, isInternal: true, sendEmail: false });
      return { type: action.type, text };
    }
  }
}
