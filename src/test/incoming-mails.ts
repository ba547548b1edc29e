import { GET as listRoute } from "@/app/api/v1/incoming_mails/route";
import { DELETE as deleteRoute } from "@/app/api/v1/incoming_mails/[id]/route";
import { PUT as replyRoute } from "@/app/api/v1/incoming_mails/[id]/reply/route";
import { PUT as ticketRoute } from "@/app/api/v1/incoming_mails/[id]/ticket/route";
import type { Db } from "@/server/db";
import { callRoute } from "./http";
import { newMessageId, postRpc, type seedInboundWorkspace } from "./inbound";

export type InboundWs = Awaited<ReturnType<typeof seedInboundWorkspace>>;

/** The receive-log row of an email posted with this Message-ID (`<id>` as posted). */
export function loggedMail(db: Db, messageId: string) {
  return db.incomingMail.findFirstOrThrow({ where: { messageIdHeader: messageId.slice(1, -1) } });
}

/** Under `unmatchedInbound = discard`: an email that threads nowhere, kept in the log without a ticket. */
export async function seedDiscardedMail(db: Db, ws: InboundWs, overrides: Record<string, unknown> = {}) {
  await db.workspace.update({ where: { id: ws.workspace.id }, data: { unmatchedInbound: "discard" } });
  const messageId = newMessageId();
  await postRpc({
    organizationId: ws.workspace.id,
    from: "Bob <bob@newco.com>",
    to: ws.ticketMailbox.address,
    subject: "Hello",
    text: "Hi",
    messageId,
    ...overrides,
  });
  return loggedMail(db, messageId);
}

/** Under `closedTicketReply = hold`: a ticket, closed with a closure scheduled, and a reply to it held in the log. */
/** Jane's first email ("Broken") through the RPC webhook: a new ticket. */
export async function postJanesFirstEmail(ws: InboundWs) {
  const messageId = newMessageId();
  const created = await postRpc({
    organizationId: ws.workspace.id,
    from: "Jane <jane@acme.com>",
    to: ws.ticketMailbox.address,
    subject: "Broken",
    text: "It broke",
    messageId,
  });
  return { ticketId: created.json.ticketId as string, messageId };
}

export async function seedHeldReply(db: Db, ws: InboundWs, overrides: Record<string, unknown> = {}) {
  await db.workspace.update({ where: { id: ws.workspace.id }, data: { closedTicketReply: "hold" } });
  const { ticketId, messageId: first } = await postJanesFirstEmail(ws);
  await db.ticket.update({ where: { id: ticketId }, data: { status: "closed", closureScheduledAt: new Date(Date.now() + 86_400_000) } });
  const reply = newMessageId();
  const held = {
    organizationId: ws.workspace.id,
    from: "jane@acme.com",
    to: ws.ticketMailbox.address,
    subject: "Re: [#1] Broken",
    text: "Still broken",
    messageId: reply,
    inReplyTo: first,
    ...overrides,
  };
  await postRpc(held);
  return { ticketId, mail: await loggedMail(db, reply), firstMessageId: first };
}

export const listMailsHttp = (token: string, query = "", headers: Record<string, string> = {}) =>
  callRoute(listRoute, "GET", `/api/v1/incoming_mails${query}`, { token, headers });
export const deleteMailHttp = (token: string, id: string) => callRoute(deleteRoute, "DELETE", `/api/v1/incoming_mails/${id}`, { token, params: { id } });
export const convertMailHttp = (token: string, id: string, body: unknown) =>
  callRoute(ticketRoute, "PUT", `/api/v1/incoming_mails/${id}/ticket`, { token, params: { id }, body });
export const replyMailHttp = (token: string, id: string) => callRoute(replyRoute, "PUT", `/api/v1/incoming_mails/${id}/reply`, { token, params: { id } });
