import { appConfig } from "@/env";
import type { Mailbox } from "@/generated/prisma/client";
import { requireOwner, type WorkspaceAccess } from "@/server/auth/access";
import type { Db } from "@/server/db";
import { notFound } from "@/server/errors";
import { isUuid } from "@/server/ids";
import { newInboundSecret } from "./inbound-secret";

/** Where providers post mail for this mailbox. */
export function inboundUrls(baseUrl: string, mailbox: Pick<Mailbox, "workspaceId">) {
  const base = baseUrl.replace(/\/$/, "");
  return {
    json: `${base}/api/rpc/tickets/email/inbound`,
    sharedSecret: `${base}/api/helpdesk/inbound-email`,
    organizationId: mailbox.workspaceId,
  };
}

export function presentMailbox(mailbox: Mailbox, options: { baseUrl: string; withSecret: boolean }) {
  return {
    id: mailbox.id,
    name: mailbox.name,
    address: mailbox.address,
    purpose: mailbox.purpose,
    visibility: mailbox.visibility,
    ownerUserId: mailbox.ownerUserId,
    isDefault: mailbox.isDefault,
    sendable: mailbox.sendable,
    inboundUrls: inboundUrls(options.baseUrl, mailbox),
    ...(options.withSecret ? { secret: mailbox.inboundSecret } : {}),
  };
}

export async function listMailboxes(db: Db, workspaceId: string) {
  return db.mailbox.findMany({ where: { workspaceId }, orderBy: [{ isDefault: "desc" }, { address: "asc" }] });
}

/** The origin providers reach this app at: PUBLIC_URL when set (behind a proxy), else the request's. */
export function publicBaseUrl(requestOrigin?: string): string {
  const { PUBLIC_URL, NEXTAUTH_URL, PORT } = appConfig();
  return PUBLIC_URL ?? requestOrigin ?? NEXTAUTH_URL ?? `http://localhost:${PORT}`;
}

/** The workspace's mailboxes as the caller may see them: inbound secrets are shown to owners only. */
export async function listWorkspaceMailboxes(db: Db, access: WorkspaceAccess, baseUrl: string) {
  const mailboxes = await listMailboxes(db, access.workspace.id);
  return mailboxes.map((mailbox) => presentMailbox(mailbox, { baseUrl, withSecret: access.role === "owner" }));
}

/**
 * Gives the mailbox a new random inbound secret. Inbound requests are matched on the stored hash,
 * so the old secret stops working as soon as this commits.
 */
export async function rotateMailboxSecret(db: Db, access: WorkspaceAccess, mailboxId: string, baseUrl: string) {
  requireOwner(access);
  const workspaceId = access.workspace.id;
  const { count } = isUuid(mailboxId) ? await db.mailbox.updateMany({ where: { id: mailboxId, workspaceId }, data: newInboundSecret() }) : { count: 0 };
  if (count === 0) throw notFound("Mailbox");
  const mailbox = await db.mailbox.findUniqueOrThrow({ where: { id: mailboxId } });
  return presentMailbox(mailbox, { baseUrl, withSecret: true });
}
