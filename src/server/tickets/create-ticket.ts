import type { MessageDirection, Prisma, TicketKind, TicketPriority } from "@/generated/prisma/client";
import { refreshTicketSla } from "@/server/sla/ticket-sla";
import type { WorkspaceAccess } from "@/server/auth/access";
import { findOrCreateContact } from "@/server/contacts/contacts.service";
import type { Db } from "@/server/db";
import { assertAssignable } from "@/server/members/assignees";
import { allocateTicketNumber } from "./ticket-number";
import { setTicketTags } from "./ticket-tags";
import type { CreateTicketInput } from "./tickets.schema";
import { getTicketDto } from "./tickets.service";

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
  await refreshTicketSla(tx, input.workspaceId, ticket.id);
  return { ticket, message };
}

/**
 * A ticket created through the API: for a contact (their message, as if emailed in) or, without one,
 * opened with an internal note of the caller. Optional priority, assignee (a member) and tags.
 */
export async function createTicket(db: Db, access: WorkspaceAccess, input: CreateTicketInput) {
  const workspaceId = access.workspace.id;
  return db.$transaction(async (tx) => {
    if (input.assigneeId) await assertAssignable(tx, workspaceId, input.assigneeId);
    const contact = input.contact ? await findOrCreateContact(tx, workspaceId, input.contact) : null;
    const mailbox = await tx.mailbox.findFirst({ where: { workspaceId }, orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }] });
    const { ticket } = await createTicketInTx(tx, {
      workspaceId,
      subject: input.subject,
      priority: input.priority,
      assigneeId: input.assigneeId ?? null,
      contactId: contact?.id ?? null,
      customerId: contact?.customerId ?? null,
      mailboxId: mailbox?.id ?? null,
      actorUserId: access.user.id,
      firstMessage: contact
        ? { direction: "inbound", bodyText: input.body, fromAddress: contact.email, fromName: contact.name }
        : { direction: "note", bodyText: input.body },
    });
    if (input.tags?.length) await setTicketTags(tx, workspaceId, ticket.id, input.tags);
    return getTicketDto(tx, workspaceId, ticket.id);
  });
}
