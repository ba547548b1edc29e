import type { Mailbox } from "@/generated/prisma/client";
import type { Db } from "@/server/db";

/** Where providers post mail for this mailbox (SPEC §2.1, §2.2). */
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
