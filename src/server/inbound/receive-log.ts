import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { htmlToPlainText, sanitizeEmailHtml } from "@/server/email/html";
import { inboundContentHash } from "./content-hash";
import type { InboundEmail } from "./inbound.schema";

const REDELIVERY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** The receive-log row of an email, its bodies sanitized and converted once: the message stores the same. */
export interface ReceiveLogRow {
  workspaceId: string;
  mailboxId: string | null;
  source: string;
  messageIdHeader: string | null;
  /** Finds a redelivery of an email without a Message-ID (same content within 24 hours). */
  contentHash: string;
  sender: string;
  senderName: string | null;
  recipient: string;
  subject: string;
  body: string;
  bodyHtml: string | null;
  inReplyTo: string | null;
  references: string[];
  headers: Record<string, string | string[]>;
  rawPayload: unknown;
}

export function receiveLogRow(target: { workspaceId: string; mailboxId: string | null }, email: InboundEmail): ReceiveLogRow {
  return {
    ...target,
    source: email.source,
    messageIdHeader: email.messageId,
    contentHash: inboundContentHash({ from: email.from.email, to: email.recipient, subject: email.subject, text: email.text, html: email.html }),
    sender: email.from.email,
    senderName: email.from.name,
    recipient: email.recipient,
    subject: email.subject,
    body: email.text ?? (email.html ? htmlToPlainText(email.html) : ""),
    bodyHtml: email.html ? sanitizeEmailHtml(email.html, { subject: email.subject }) : null,
    inReplyTo: email.inReplyTo[0] ?? null,
    references: email.references,
    headers: email.headers,
    rawPayload: email.rawPayload,
  };
}

/**
 * The receive-log rows of earlier copies of an email: the same Message-ID in the workspace, or
 * without one the same content within 24 hours (LOOKUP_BY_CONTENT in ingest-statements.ts says the same in SQL).
 */
export function earlierCopies(row: ReceiveLogRow): Prisma.IncomingMailWhereInput {
  const { workspaceId, messageIdHeader, contentHash } = row;
  if (messageIdHeader) return { workspaceId, messageIdHeader };
  return { workspaceId, messageIdHeader: null, contentHash, createdAt: { gte: new Date(Date.now() - REDELIVERY_WINDOW_MS) } };
}

/**
 * Keeps an email whose routing failed in the receive log, with the error, so an agent sees it and
 * the provider's retry routes it (the routing transaction, log row included, was rolled back).
 * A row an earlier attempt left is updated instead. Best effort: the database may be the failure.
 */
export async function logFailedRouting(db: Db, row: ReceiveLogRow, error: unknown): Promise<void> {
  const processingError = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
  const data = { ...row, rawPayload: row.rawPayload as Prisma.InputJsonValue, processingError };
  const earlier = await db.incomingMail.findFirst({ where: earlierCopies(row), select: { id: true, processedAt: true }, orderBy: { createdAt: "asc" } });
  if (earlier?.processedAt) return;
  if (earlier) await db.incomingMail.update({ where: { id: earlier.id }, data: { processingError } });
  else await db.incomingMail.createMany({ data: [data], skipDuplicates: true });
}
