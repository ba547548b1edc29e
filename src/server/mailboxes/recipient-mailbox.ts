import type { Mailbox, Prisma } from "@/generated/prisma/client";

/** The mailbox an email was sent to (by its lower-cased recipients), else the default, else the oldest. */
export async function recipientMailbox(tx: Prisma.TransactionClient, workspaceId: string, recipients: string[]): Promise<Mailbox | null> {
  const mailboxes = await tx.mailbox.findMany({ where: { workspaceId }, orderBy: { createdAt: "asc" } });
  return mailboxes.find((m) => recipients.includes(m.address.toLowerCase())) ?? mailboxes.find((m) => m.isDefault) ?? mailboxes[0] ?? null;
}
