import type { Mailbox, TicketKind } from "@/generated/prisma/client";

/** What mail to the mailbox opens: a shared inbox holds conversations; a support address (or no known mailbox) tickets. */
export function ticketKindOf(mailbox: Pick<Mailbox, "purpose"> | null): TicketKind {
  return mailbox?.purpose === "inbox" ? "conversation" : "ticket";
}
