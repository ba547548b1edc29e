import type { IncomingMail, Mailbox, Prisma, Workspace } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { tryLockKey } from "@/server/db/advisory-lock";
import { pollUntil } from "@/server/db/poll";
import { unavailable } from "@/server/errors";
import { inboundContentHash } from "./content-hash";
import { htmlToPlainText, sanitizeEmailHtml } from "@/server/email/html";
import type { InboundEmail } from "./inbound.schema";

const REDELIVERY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** How long a copy without a Message-ID waits for the first copy to write its row. */
const COPY_WAIT_MS = 10_000;

/**
 * Writes the IncomingMail row before anything else happens, or finds the one a redelivery of the
 * same email wrote: same Message-ID in the workspace, or without a Message-ID the same content
 * within 24 hours. Concurrent copies, on any number of app instances, find the first one's row;
 * none of them waits while holding a connection for more than one short statement.
 */
export async function recordIncomingMail(db: Db, target: { workspace: Workspace; mailbox: Mailbox | null }, email: InboundEmail): Promise<IncomingMail> {
  const workspaceId = target.workspace.id;
  const contentHash = inboundContentHash({
    from: email.from.email,
    to: email.recipient,
    subject: email.subject,
    text: email.text,
    html: email.html,
  });
  const row = (): Prisma.IncomingMailCreateManyInput => ({
    workspaceId,
    mailboxId: target.mailbox?.id ?? null,
    source: email.source,
    messageIdHeader: email.messageId,
    contentHash,
    sender: email.from.email,
    senderName: email.from.name,
    recipient: email.recipient,
    subject: email.subject,
    body: email.text ?? (email.html ? htmlToPlainText(email.html) : ""),
    bodyHtml: email.html ? sanitizeEmailHtml(email.html, { subject: email.subject }) : null,
    inReplyTo: email.inReplyTo[0] ?? null,
    references: email.references,
    headers: email.headers,
    rawPayload: email.rawPayload as Prisma.InputJsonValue,
  });

  if (email.messageId) {
    const where = { workspaceId_messageIdHeader: { workspaceId, messageIdHeader: email.messageId } };
    const earlier = await db.incomingMail.findUnique({ where });
    if (earlier) return earlier;
    // ON CONFLICT DO NOTHING on the (workspaceId, messageIdHeader) unique index: a concurrent copy
    // waits only for the first copy's one-statement insert to commit, then reads its row.
    const [created] = await db.incomingMail.createManyAndReturn({ data: [row()], skipDuplicates: true });
    return created ?? db.incomingMail.findUniqueOrThrow({ where });
  }

  // No unique key for content: the first copy writes its row under an advisory lock; a copy that
  // finds the lock taken gives its connection back and looks again after a pause.
  const recorded = await pollUntil(
    () =>
      db.$transaction(async (tx) => {
        if (!(await tryLockKey(tx, `incoming:${workspaceId}:hash:${contentHash}`))) return null;
        const earlier = await tx.incomingMail.findFirst({
          where: { workspaceId, messageIdHeader: null, contentHash, createdAt: { gte: new Date(Date.now() - REDELIVERY_WINDOW_MS) } },
          orderBy: { createdAt: "asc" },
        });
        return earlier ?? tx.incomingMail.create({ data: row() });
      }),
    { totalMs: COPY_WAIT_MS },
  );
  if (!recorded) throw unavailable("Another copy of this email is still being recorded; nothing was stored. Retry shortly.");
  return recorded;
}
