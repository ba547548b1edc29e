import type { Mailbox, Workspace } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { classifyAutoReply } from "./auto-reply";
import type { InboundEmail } from "./inbound.schema";
import { discardStoredAttachments, storeInlineAttachments } from "./inline-attachments";
import { recordIncomingMail } from "./receive-log";
import { routeIncomingMail } from "./route-mail";

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

/**
 * The one ingest service every inbound route calls (SPEC §2): log the email first, then route it
 * in a transaction. A redelivery gets the first result and changes nothing. When routing fails the
 * logged row stays (with the error) and the error propagates, so the route answers 5xx and the
 * provider's retry routes it again.
 */
export async function ingestInboundEmail(db: Db, target: IngestTarget, email: InboundEmail): Promise<IngestResult> {
  const log = await recordIncomingMail(db, target, email);
  if (log.processedAt) return { incomingMailId: log.id, ticketId: log.ticketId, messageId: log.messageId, duplicate: true };
  const classification = classifyAutoReply({ headers: email.headers, subject: email.subject, from: email.from.email });
  const attachments = await storeInlineAttachments(target.workspace.id, email.attachments);
  try {
    const result = await db.$transaction(async (tx) => {
      // A concurrent copy of this email waits here until the first copy commits, then finds it done.
      const [row] = await tx.$queryRaw<{ processedAt: Date | null }[]>`
        SELECT "processedAt" FROM "IncomingMail" WHERE "id" = ${log.id}::uuid FOR UPDATE`;
      if (row?.processedAt) {
        const done = await tx.incomingMail.findUniqueOrThrow({ where: { id: log.id } });
        return { incomingMailId: log.id, ticketId: done.ticketId, messageId: done.messageId, duplicate: true };
      }
      const routed = await routeIncomingMail({ tx, workspace: target.workspace, mailbox: target.mailbox, email, attachments, log, classification });
      return { incomingMailId: log.id, ...routed, duplicate: false };
    });
    // A concurrent copy that lost the race stored bytes no row points to.
    if (result.duplicate) await discardStoredAttachments(attachments);
    return result;
  } catch (error) {
    await discardStoredAttachments(attachments);
    const message = error instanceof Error ? error.message : String(error);
    await db.incomingMail.update({ where: { id: log.id }, data: { processingError: message.slice(0, 2000) } }).catch(() => undefined);
    throw error;
  }
}
