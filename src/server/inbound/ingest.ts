import type { IncomingMail, Mailbox, Workspace } from "@/generated/prisma/client";
import { appConfig } from "@/env";
import type { Db } from "@/server/db";
import { retryOnConflict } from "@/server/db/conflict-retry";
import { pollUntil } from "@/server/db/poll";
import { unavailable } from "@/server/errors";
import { enforceRateLimits } from "@/server/rate-limit/rate-limit";
import { classifyAutoReply, type AutoReplyClassification } from "@/server/email/auto-reply";
import type { InboundEmail } from "./inbound.schema";
import { discardStoredAttachments, storeInlineAttachments, type PreparedAttachment } from "./inline-attachments";
import { recordIncomingMail } from "./receive-log";
import { routeIncomingMail } from "./route-mail";

/**
 * How long a copy of an email waits for the copy that is routing it. Routing takes well under a
 * second; a copy that waits longer answers 503 and the provider's retry finds the result.
 */
const COPY_WAIT_MS = 10_000;

export interface IngestTarget {
  workspace: Workspace;
  /** The mailbox the request's secret selected, if any; otherwise it is found from `to`. */
  mailbox: Mailbox | null;
}

export interface IngestResult {
  incomingMailId: string;
  ticketId: string | null;
  messageId: string | null;
  /** True when this was a redelivery answered with the first delivery's result. */
  duplicate: boolean;
}

const firstResult = (log: Pick<IncomingMail, "id" | "ticketId" | "messageId">): IngestResult => ({
  incomingMailId: log.id,
  ticketId: log.ticketId,
  messageId: log.messageId,
  duplicate: true,
});

/**
 * The one ingest service every inbound route calls: log the email first, then route it
 * in a transaction. A redelivery gets the first result and changes nothing. When routing fails the
 * logged row stays (with the error) and the error propagates, so the route answers 5xx and the
 * provider's retry routes it again. A transaction that lost a race is run again; a copy that finds
 * another copy routing the email waits for its result without holding a connection. The workspace's
 * rate limit is counted before anything is written: a refused email (RATE_LIMITED, 429) leaves no row,
 * and the provider's retry delivers it later.
 */
export async function ingestInboundEmail(db: Db, target: IngestTarget, email: InboundEmail): Promise<IngestResult> {
  const { RATE_LIMIT_INBOUND_PER_WORKSPACE, RATE_LIMIT_INBOUND_WINDOW_SECONDS } = appConfig();
  await enforceRateLimits(db, [
    { key: `inbound:workspace:${target.workspace.id}`, max: RATE_LIMIT_INBOUND_PER_WORKSPACE, windowSeconds: RATE_LIMIT_INBOUND_WINDOW_SECONDS },
  ]);
  const log = await recordIncomingMail(db, target, email);
  if (log.processedAt) return firstResult(log);
  const classification = classifyAutoReply({ headers: email.headers, subject: email.subject, from: email.from.email });
  const attachments = await storeInlineAttachments(target.workspace.id, email.attachments);
  let result: IngestResult | null;
  try {
    result = await pollUntil(
      async (n) => {
        if (n > 0) {
          // Polling: one statement tells whether the copy routing it is still at it, or its result.
          const row = await unlessBeingRouted(db, log.id);
          if (!row) return null;
          if (row.processedAt) return firstResult(row);
        }
        return retryOnConflict(() => routeUnlessBusy(db, { target, email, attachments, log, classification }));
      },
      { totalMs: COPY_WAIT_MS },
    );
  } catch (error) {
    await discardStoredAttachments(attachments);
    const message = error instanceof Error ? error.message : String(error);
    await db.incomingMail.update({ where: { id: log.id }, data: { processingError: message.slice(0, 2000) } }).catch(() => undefined);
    throw error;
  }
  // A copy that lost the race stored bytes no row points to.
  if (!result || result.duplicate) await discardStoredAttachments(attachments);
  if (!result) throw unavailable("Another copy of this email is still being processed; nothing was stored. Retry shortly.");
  return result;
}

interface Routing {
  target: IngestTarget;
  email: InboundEmail;
  attachments: PreparedAttachment[];
  log: IncomingMail;
  classification: AutoReplyClassification;
}

/**
 * The logged row's result columns, or null while a routing transaction holds its lock. KEY SHARE is
 * the weakest row lock (it conflicts with FOR UPDATE and deletes, not with updates of other
 * columns) and is released as the statement ends.
 */
async function unlessBeingRouted(db: Db, id: string) {
  const [row] = await db.$queryRaw<Pick<IncomingMail, "id" | "ticketId" | "messageId" | "processedAt">[]>`
    SELECT "id", "ticketId", "messageId", "processedAt" FROM "IncomingMail" WHERE "id" = ${id}::uuid FOR KEY SHARE SKIP LOCKED`;
  return row ?? null;
}

/**
 * Routes the logged email in one transaction holding its row lock, or answers null at once when
 * another copy holds it (SKIP LOCKED: waiting on the lock would hold this connection the whole time).
 */
function routeUnlessBusy(db: Db, { target, email, attachments, log, classification }: Routing): Promise<IngestResult | null> {
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ processedAt: Date | null }[]>`
      SELECT "processedAt" FROM "IncomingMail" WHERE "id" = ${log.id}::uuid FOR UPDATE SKIP LOCKED`;
    if (!row) return null;
    if (row.processedAt) return firstResult(await tx.incomingMail.findUniqueOrThrow({ where: { id: log.id } }));
    const routed = await routeIncomingMail({ tx, workspace: target.workspace, mailbox: target.mailbox, email, attachments, log, classification });
    return { incomingMailId: log.id, ...routed, duplicate: false };
  });
}
