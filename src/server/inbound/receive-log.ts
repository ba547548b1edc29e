import type { IncomingMail, Mailbox, Prisma, Workspace } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { lockKeys } from "@/server/db/advisory-lock";
import { inboundContentHash } from "./content-hash";
import { htmlToPlainText, sanitizeEmailHtml } from "./html";
import type { InboundEmail } from "./inbound.schema";

const REDELIVERY_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Writes the IncomingMail row before anything else happens, or finds the one a redelivery of the
 * same email wrote: same Message-ID in the workspace (also enforced by a unique index), or without
 * a Message-ID the same content within 24 hours. The advisory lock makes concurrent copies, on any
 * number of app instances, wait for the first and find its row.
 */
export async function recordIncomingMail(
  db: Db,
  target: { workspace: Workspace; mailbox: Mailbox | null },
  email: InboundEmail,
): Promise<IncomingMail> {
  const workspaceId = target.workspace.id;
  const contentHash = inboundContentHash({
    from: email.from.email,
    to: email.recipient,
    subject: email.subject,
    text: email.text,
    html: email.html,
  });
  return db.$transaction(async (tx) => {
    await lockKeys(tx, [`incoming:${workspaceId}:${email.messageId ?? `hash:${contentHash}`}`]);
    const earlier = email.messageId
      ? await tx.incomingMail.findUnique({ where: { workspaceId_messageIdHeader: { workspaceId, messageIdHeader: email.messageId } } })
      : await tx.incomingMail.findFirst({
          where: { workspaceId, messageIdHeader: null, contentHash, createdAt: { gte: new Date(Date.now() - REDELIVERY_WINDOW_MS) } },
          orderBy: { createdAt: "asc" },
        });
    if (earlier) return earlier;
    return tx.incomingMail.create({
      data: {
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
        bodyHtml: email.html ? sanitizeEmailHtml(email.html) : null,
        inReplyTo: email.inReplyTo[0] ?? null,
        references: email.references,
        headers: email.headers,
        rawPayload: email.rawPayload as Prisma.InputJsonValue,
      },
    });
  });
}
