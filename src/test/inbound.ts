import { randomUUID } from "node:crypto";
import { POST as rpcInbound } from "@/app/api/rpc/tickets/email/inbound/route";
import { POST as helpdeskInbound } from "@/app/api/helpdesk/inbound-email/route";
import type { Db } from "@/server/db";
import { newInboundSecret } from "@/server/mailboxes/inbound-secret";
import { callRoute } from "./http";
import { seedWorkspace } from "./factories";

/** A workspace with a ticket mailbox (default) and an inbox mailbox, as the demo has. */
export async function seedInboundWorkspace(db: Db) {
  const seeded = await seedWorkspace(db);
  const ticketMailbox = await db.mailbox.findFirstOrThrow({ where: { workspaceId: seeded.workspace.id, isDefault: true } });
  const inboxMailbox = await db.mailbox.create({
    data: { workspaceId: seeded.workspace.id, name: "Team", address: `team@${seeded.workspace.slug}.test`, purpose: "inbox", ...newInboundSecret() },
  });
  return { ...seeded, ticketMailbox, inboxMailbox };
}

export const newMessageId = () => `<${randomUUID()}@mail.example.com>`;

export function postRpc(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return callRoute(rpcInbound, "POST", "/api/rpc/tickets/email/inbound", { body, headers });
}

export function postHelpdesk(body: unknown, options: { secret?: string; header?: string; query?: boolean } = {}) {
  const headers: Record<string, string> = {};
  if (options.secret && !options.query) headers[options.header ?? "x-inbound-secret"] = options.secret;
  const url = options.query && options.secret ? `/api/helpdesk/inbound-email?secret=${encodeURIComponent(options.secret)}` : "/api/helpdesk/inbound-email";
  return callRoute(helpdeskInbound, "POST", url, { body, headers });
}
