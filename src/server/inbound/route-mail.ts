import { randomUUID } from "node:crypto";
import type { Mailbox } from "@/generated/prisma/client";
import type { InboundWorkspace } from "./ingest";
import { storedContentType } from "@/server/attachments/content-type";
import type { SqlParam, SqlRunner } from "@/server/db/sql-transaction";
import type { AutoReplyClassification } from "@/server/email/auto-reply";
import { stripReplyPrefixes } from "@/server/email/subject";
import { ticketKindOf } from "@/server/mailboxes/mailbox-purpose";
import { inboundMessageData, inboundMessageParams, inboundReplyParams } from "@/server/tickets/inbound-message";
import type { InboundEmail } from "./inbound.schema";
import { WRITE_NEW_TICKET, WRITE_OUTCOME, WRITE_REPLY } from "./ingest-statements";
import type { PreparedAttachment } from "./inline-attachments";
import type { ReceiveLogRow } from "./receive-log";
import { NEEDS_AGENT, routingAnalysis, type Routing } from "./routing-analysis";
import type { ThreadMatch } from "./threading";

export interface RouteResult {
  ticketId: string | null;
  messageId: string | null;
}

/** The mailbox fields routing uses (the lookup's recipient mailbox, or the one the request's secret chose). */
export type RoutingMailbox = Pick<Mailbox, "id" | "address" | "purpose">;

export interface RoutingContext {
  sql: SqlRunner;
  workspace: InboundWorkspace;
  email: InboundEmail;
  log: { id: string; row: ReceiveLogRow };
  classification: AutoReplyClassification;
  /** The email's attachments, inline ones already in the attachment store. */
  attachments: PreparedAttachment[];
}

/** What the lookup found that decides the routing. */
export interface RoutingFacts {
  /** A message already stored with this Message-ID (e.g. our own reply copied back to a mailbox). */
  stored: { id: string; ticketId: string } | null;
  match: ThreadMatch | null;
  mailbox: RoutingMailbox | null;
}

/**
 * Routes a logged email in one statement, inside the ingest transaction: a reply appended to its
 * ticket (reopening it unless it is an auto-reply), held when the ticket is closed and the workspace
 * holds such replies, a new ticket or conversation with its follow-up job, or nothing but the log's
 * outcome. The attachment rows, their download jobs and the team's notice of mail no ticket took in
 * are written in the same statement.
 */
export async function routeIncomingMail(ctx: RoutingContext, facts: RoutingFacts): Promise<RouteResult> {
  const { workspace } = ctx;
  const { stored, match } = facts;
  if (stored) return writeOutcome(ctx, { routing: "already_stored", result: { ticketId: stored.ticketId, messageId: stored.id }, match: null });
  const message = inboundMessageData(ctx.log.row, {
    toAddresses: ctx.email.recipients,
    messageIdHeader: ctx.email.messageId,
    isAutoReply: ctx.classification.isAutoReply,
  });
  if (match) {
    if (match.ticket.status === "closed" && workspace.closedTicketReply === "hold") {
      return writeOutcome(ctx, { routing: "held_reply_to_closed_ticket", result: { ticketId: match.ticket.id, messageId: null }, match });
    }
    const { messageId, reopened, params } = inboundReplyParams(workspace.id, match.ticket, message);
    const result = { ticketId: match.ticket.id, messageId };
    await ctx.sql.query(WRITE_REPLY, [...params, ...outcomeParams(ctx, { routing: reopened ? "reopened" : "appended", result, match })]);
    return result;
  }
  if (workspace.unmatchedInbound === "discard") {
    return writeOutcome(ctx, { routing: "discarded_unmatched", result: { ticketId: null, messageId: null }, match: null });
  }
  const kind = ticketKindOf(facts.mailbox);
  const result = { ticketId: randomUUID(), messageId: randomUUID() };
  const routing: Routing = kind === "conversation" ? "created_conversation" : "created_ticket";
  const followup = { ...result, event: kind === "conversation" ? "conversation_created" : "ticket_created", ...flags(ctx.classification) };
  await ctx.sql.query(WRITE_NEW_TICKET, [
    ...inboundMessageParams(workspace.id, result.ticketId, result.messageId, message),
    stripReplyPrefixes(ctx.email.subject),
    kind,
    JSON.stringify(followup),
    facts.mailbox?.id ?? null,
    ...outcomeParams(ctx, { routing, result, match: null, mailbox: facts.mailbox }),
  ]);
  return result;
}

const flags = ({ isAutoReply, isBulk }: AutoReplyClassification) => ({ isAutoReply, isBulk });

interface Outcome {
  routing: Routing;
  result: RouteResult;
  match: ThreadMatch | null;
  mailbox?: RoutingMailbox | null;
}

async function writeOutcome(ctx: RoutingContext, outcome: Outcome): Promise<RouteResult> {
  await ctx.sql.query(WRITE_OUTCOME, [ctx.workspace.id, ...outcomeParams(ctx, outcome)]);
  return outcome.result;
}

/** The outcome's parameters after the workspace (see `outcome` in ingest-statements.ts). */
function outcomeParams(ctx: RoutingContext, outcome: Outcome): SqlParam[] {
  const { routing, result, match } = outcome;
  const mailbox = outcome.mailbox ?? null;
  const analysis = routingAnalysis({ routing, ticketId: result.ticketId, match, classification: ctx.classification, workspace: ctx.workspace, mailbox });
  // Attachments belong to the new message; mail that adds none keeps them on its log row only.
  const attachedTo = result.messageId && routing !== "already_stored" ? result : { ticketId: null, messageId: null };
  return [
    ctx.log.id,
    JSON.stringify(analysis),
    result.ticketId,
    result.messageId,
    routing === "held_reply_to_closed_ticket",
    mailbox?.id ?? null,
    NEEDS_AGENT.has(routing),
    JSON.stringify(ctx.attachments.map((prepared) => attachmentRow(prepared, attachedTo))),
  ];
}

/**
 * An attachment row: inline ones already stored (or failed), URL ones pending until the download
 * job stores them (network I/O stays out of the transaction). Ids are chosen here so the download
 * job can name its row.
 */
function attachmentRow(prepared: PreparedAttachment, link: RouteResult) {
  const common = { id: randomUUID(), ...link, storageKey: null, sourceUrl: null, error: null, contentId: null };
  if (prepared.kind === "stored") {
    const { filename, contentType, size, storageKey, contentId } = prepared;
    return { ...common, filename, contentType: storedContentType(contentType), size, storageKey, contentId, status: "stored" };
  }
  if (prepared.kind === "failed") {
    const { filename, contentType, size, error } = prepared;
    return { ...common, filename, contentType: storedContentType(contentType), size, error, status: "failed" };
  }
  const { attachment } = prepared;
  return {
    ...common,
    filename: attachment.filename,
    contentType: storedContentType(attachment.contentType),
    size: attachment.size ?? 0,
    status: "pending",
    sourceUrl: attachment.url,
  };
}
