import type { MessageDirection, Prisma, TicketKind, TicketPriority } from "@/generated/prisma/client";
import { allocateTicketNumber } from "./ticket-number";

export interface NewTicket {
  workspaceId: string;
  subject: string;
  kind?: TicketKind;
  priority?: TicketPriority;
  contactId?: string | null;
  customerId?: string | null;
  mailboxId?: string | null;
  assigneeId?: string | null;
  actorUserId?: string | null;
  createdAt?: Date;
  firstMessage: {
    direction: MessageDirection;
    bodyText: string;
    bodyTextFull?: string | null;
    bodyHtml?: string | null;
    fromAddress?: string | null;
    fromName?: string | null;
    toAddresses?: string[];
    ccAddresses?: string[];
    messageIdHeader?: string | null;
    inReplyTo?: string | null;
    references?: string[];
    isAutoReply?: boolean;
  };
}

/**
 * Creates a ticket with its first message and the `created` timeline entry, inside the caller's
 * transaction (so the caller can record follow-up work atomically with it).
 */
export async function createTicketInTx(tx: Prisma.TransactionClient, input: NewTicket) {
  const ticketNumber = await allocateTicketNumber(tx, input.workspaceId);
  const at = input.createdAt ?? new Date();
  const ticket = await tx.ticket.create({
    data: {
      workspaceId: input.workspaceId,
      ticketNumber,
      subject: input.subject,
      kind: input.kind ?? "ticket",
      priority: input.priority ?? "normal",
      contactId: input.contactId ?? null,
      customerId: input.customerId ?? null,
      mailboxId: input.mailboxId ?? null,
      assigneeId: input.assigneeId ?? null,
      lastActivityAt: at,
      createdAt: at,
    },
  });
  const message = await tx.message.create({
    data: {
      ...input.firstMessage,
      workspaceId: input.workspaceId,
      ticketId: ticket.id,
      authorUserId: input.firstMessage.direction === "inbound" ? null : (input.actorUserId ?? null),
      createdAt: at,
    },
  });
  await tx.activityEvent.create({
    data: {
      workspaceId: input.workspaceId,
      ticketId: ticket.id,
      actorUserId: input.actorUserId ?? null,
      type: "created",
      data: { kind: ticket.kind, ticketNumber },
      createdAt: at,
    },
  });
  return { ticket, message };
}
