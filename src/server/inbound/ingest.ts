import type { Workspace } from "@/generated/prisma/client";
import { appConfig } from "@/env";
import { sqlQuery, sqlTransaction, type Db } from "@/server/db";
import { tryThenLockStatement } from "@/server/db/advisory-lock";
import { retryOnConflict } from "@/server/db/conflict-retry";
import { pollUntil } from "@/server/db/poll";
import { sqlStatement, type SqlParam } from "@/server/db/sql-transaction";
import { recordInboundDeliveryReport } from "@/server/delivery/record-delivery-event";
import { unavailable } from "@/server/errors";
import { assertWithinRateLimits, enforceRateLimits, rateLimitStatement, type RateLimitRule } from "@/server/rate-limit/rate-limit";
import { classifyAutoReply } from "@/server/email/auto-reply";
import { extractTicketToken } from "@/server/email/subject";
import type { InboundEmail } from "./inbound.schema";
import type { InboundMailbox } from "./inbound-secret";
import { LOOKUP_BY_CONTENT, LOOKUP_BY_MESSAGE_ID } from "./ingest-statements";
import { discardStoredAttachments, storeInlineAttachments, type PreparedAttachment } from "./inline-attachments";
import { earlierCopies, logFailedRouting, receiveLogRow, type ReceiveLogRow } from "./receive-log";
import { routeIncomingMail, type RoutingMailbox } from "./route-mail";
import { threadCandidates, threadMatch, type ThreadLookup } from "./threading";

/**
 * How long a copy of an email waits for the copy that is routing it. Routing takes well under a
 * second; a copy that waits longer answers 503 and the provider's retry finds the result.
 */
const COPY_WAIT_MS = 10_000;
const MAX_INT4 = 2_147_483_647;

/** The workspace fields inbound mail needs (its policies), read in one statement on the driver. */
export type InboundWorkspace = Pick<Workspace, "id" | "requireInboundSecret" | "closedTicketReply" | "unmatchedInbound">;

const INBOUND_WORKSPACE = sqlStatement(`SELECT "id", "requireInboundSecret", "closedTicketReply", "unmatchedInbound" FROM "Workspace" WHERE "id" = $1::uuid`);

/** The workspace an inbound request names, or null. */
export async function findInboundWorkspace(db: Db, id: string): Promise<InboundWorkspace | null> {
  const [workspace] = await sqlQuery<InboundWorkspace>(db, INBOUND_WORKSPACE, [id]);
  return workspace ?? null;
}

export interface IngestTarget {
  workspace: InboundWorkspace;
  /** The mailbox the request's secret selected, if any; otherwise it is found from `to`. */
  mailbox: InboundMailbox | null;
}

export interface IngestResult {
  incomingMailId: string;
  ticketId: string | null;
  messageId: string | null;
  /** True when this was a redelivery answered with the first delivery's result. */
  duplicate: boolean;
}

interface LoggedCopy {
  id: string;
  ticketId: string | null;
  messageId: string | null;
  processedAt: string | null;
}

type Lookup = ThreadLookup & {
  loggedId: string | null;
  earlier: LoggedCopy | null;
  stored: { id: string; ticketId: string } | null;
  mailbox: RoutingMailbox | null;
};

const firstResult = (log: LoggedCopy): IngestResult => ({ incomingMailId: log.id, ticketId: log.ticketId, messageId: log.messageId, duplicate: true });

/**
 * The one ingest service every inbound route calls. An email is logged, deduplicated, threaded and
 * routed in one transaction of four round trips: (1) the workspace's rate limit (committed on its
 * own), BEGIN and the advisory locks; (2) the receive-log row with the dedup and threading lookups;
 * (3) the routing's writes; (4) COMMIT. The lock of its copies (its Message-ID, or its content
 * without one) is only tried: a copy that finds it taken gives its connection back and polls for the
 * first copy's result, so thirty copies cannot exhaust the pool. Its thread's Message-IDs are waited
 * for, so a first message and its reply arriving together do not both start a ticket. A redelivery gets the
 * first result and changes nothing. A transaction that lost a race runs again. When routing fails
 * the email is still logged, with the error, and the error propagates (5xx: the provider retries).
 * A refused email (RATE_LIMITED, 429) leaves no row, and the provider's retry delivers it later.
 */
export async function ingestInboundEmail(db: Db, target: IngestTarget, email: InboundEmail): Promise<IngestResult> {
  const { workspace } = target;
  const { RATE_LIMIT_INBOUND_PER_WORKSPACE, RATE_LIMIT_INBOUND_WINDOW_SECONDS } = appConfig();
  const rateLimits: RateLimitRule[] = [
    { key: `inbound:workspace:${workspace.id}`, max: RATE_LIMIT_INBOUND_PER_WORKSPACE, windowSeconds: RATE_LIMIT_INBOUND_WINDOW_SECONDS },
  ];
  const row = receiveLogRow({ workspaceId: workspace.id, mailboxId: target.mailbox?.id ?? null }, email);
  let attachments: PreparedAttachment[] = [];
  let rateLimitCounted = false;
  if (email.attachments.length > 0) {
    // The bytes are stored before the transaction (no file I/O under its locks), so a redelivery
    // already routed is answered first, without storing them again.
    await enforceRateLimits(db, rateLimits);
    rateLimitCounted = true;
    const earlier = await processedCopy(db, row);
    if (earlier) return firstResult(earlier);
    attachments = await storeInlineAttachments(workspace.id, email.attachments);
  }
  const classification = classifyAutoReply({ headers: email.headers, subject: email.subject, from: email.from.email });
  const candidates = threadCandidates(email);
  // Copies of this email contend for its copy key, which is only ever tried; its thread's Message-IDs,
  // its own among them, are waited for in a queue, so a first message and its replies go in order.
  const copyKey = email.messageId ? `copy:${workspace.id}:${email.messageId}` : `incoming:${workspace.id}:hash:${row.contentHash}`;
  const threadKeys = [email.messageId, ...candidates].filter((id) => id !== null).map((id) => `thread:${workspace.id}:${id}`);
  const locks = tryThenLockStatement(copyKey, threadKeys);
  const lookupParams = lookupParamsOf(row, email, candidates);

  const attempt = () =>
    sqlTransaction(
      db,
      { beforeBegin: rateLimitCounted ? undefined : (rateLimitStatement(rateLimits) ?? undefined), afterBegin: locks },
      async (sql, opened) => {
        if (!rateLimitCounted) {
          rateLimitCounted = true;
          assertWithinRateLimits(rateLimits, opened.beforeBegin);
        }
        // Another copy holds the copy lock: it is routing this email right now.
        if (opened.afterBegin[0]?.locked !== true) return null;
        const [found] = await sql.query<Lookup>(email.messageId ? LOOKUP_BY_MESSAGE_ID : LOOKUP_BY_CONTENT, lookupParams);
        if (found!.earlier?.processedAt) return firstResult(found!.earlier);
        const logId = found!.loggedId ?? found!.earlier?.id;
        if (!logId) return null;
        const routed = await routeIncomingMail(
          { sql, workspace, email, log: { id: logId, row }, classification, attachments },
          { stored: found!.stored, match: threadMatch(email, found!), mailbox: target.mailbox ?? found!.mailbox },
        );
        return { incomingMailId: logId, ...routed, duplicate: false };
      },
    );

  let result: IngestResult | null;
  try {
    result = await pollUntil(() => retryOnConflict(attempt), { totalMs: COPY_WAIT_MS });
  } catch (error) {
    await discardStoredAttachments(attachments);
    if (rateLimitCounted && !isRateLimited(error)) await logFailedRouting(db, row, error).catch(() => undefined);
    throw error;
  }
  // A copy that lost the race stored bytes no row points to.
  if (!result || result.duplicate) await discardStoredAttachments(attachments);
  if (!result) throw unavailable("Another copy of this email is still being processed; nothing was stored. Retry shortly.");
  // A bounce's delivery events, after the commit and on every copy: they are keyed by the report, so
  // a copy records nothing twice and a crash in between is made good by the provider's retry.
  if (email.deliveryReport) await db.$transaction((tx) => recordInboundDeliveryReport(tx, workspace.id, email));
  return result;
}

const isRateLimited = (error: unknown) => (error as { code?: unknown } | null)?.code === "RATE_LIMITED";

/** $1–$19 of the lookup (see ingest-statements.ts). */
function lookupParamsOf(row: ReceiveLogRow, email: InboundEmail, candidates: string[]): SqlParam[] {
  const token = extractTicketToken(email.subject);
  return [
    row.workspaceId,
    row.messageIdHeader,
    row.contentHash,
    candidates,
    token !== null && token <= MAX_INT4 ? token : null,
    email.from.email,
    email.recipients,
    row.mailboxId,
    row.source,
    row.sender,
    row.senderName,
    row.recipient,
    row.subject,
    row.body,
    row.bodyHtml,
    row.inReplyTo,
    row.references,
    JSON.stringify(row.headers),
    row.rawPayload === undefined ? null : JSON.stringify(row.rawPayload),
  ];
}

/** The routed receive-log row of an earlier copy of this email, if there is one. */
async function processedCopy(db: Db, row: ReceiveLogRow): Promise<LoggedCopy | null> {
  const copy = await db.incomingMail.findFirst({
    where: { ...earlierCopies(row), processedAt: { not: null } },
    select: { id: true, ticketId: true, messageId: true, processedAt: true },
    orderBy: { createdAt: "asc" },
  });
  return copy ? { ...copy, processedAt: copy.processedAt!.toISOString() } : null;
}
