import { POST as createTicketRoute, GET as listTicketsRoute } from "@/app/api/v1/workspaces/[workspaceId]/tickets/route";
import type { Db } from "@/server/db";
import { createTicketInTx } from "@/server/tickets/create-ticket";
import { callRoute } from "./http";

/** A ticket created directly (with a first inbound message from `from`). */
export async function seedTicket(db: Db, workspaceId: string, options: { subject?: string; from?: string; body?: string; minutesAgo?: number } = {}) {
  return db.$transaction(async (tx) => {
    const email = options.from ?? "customer@example.com";
    const contact = await tx.contact.upsert({ where: { workspaceId_email: { workspaceId, email } }, create: { workspaceId, email }, update: {} });
    return createTicketInTx(tx, {
      workspaceId,
      subject: options.subject ?? "Help",
      contactId: contact.id,
      createdAt: options.minutesAgo === undefined ? undefined : new Date(Date.now() - options.minutesAgo * 60_000),
      firstMessage: {
        direction: "inbound",
        bodyText: options.body ?? "Please help",
        fromAddress: email,
        messageIdHeader: `${crypto.randomUUID()}@example.com`,
      },
    });
  });
}

export function listTicketsHttp(workspaceId: string, token: string, query = "") {
  return callRoute(listTicketsRoute, "GET", `/api/v1/workspaces/${workspaceId}/tickets${query}`, { token, params: { workspaceId } });
}

export function createTicketHttp(workspaceId: string, token: string, body: unknown) {
  return callRoute(createTicketRoute, "POST", `/api/v1/workspaces/${workspaceId}/tickets`, { token, params: { workspaceId }, body });
}
