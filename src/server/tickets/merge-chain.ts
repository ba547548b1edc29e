import type { Prisma, Ticket } from "@/generated/prisma/client";

/** Merges followed at most, so that a damaged chain (one pointing back) cannot hold a transaction. */
const MAX_MERGE_HOPS = 10;

/**
 * The ticket that takes mail for `ticket`: itself, or the one it was merged into (a merged ticket
 * takes no more mail), following merges of merges; `mergedFrom` names the merged tickets passed.
 */
export async function followMerges(tx: Prisma.TransactionClient, workspaceId: string, ticket: Ticket): Promise<{ ticket: Ticket; mergedFrom: number[] }> {
  let current = ticket;
  const mergedFrom: number[] = [];
  while (current.status === "merged" && current.mergedIntoId && mergedFrom.length < MAX_MERGE_HOPS) {
    const target = await tx.ticket.findFirst({ where: { id: current.mergedIntoId, workspaceId } });
    if (!target) break;
    mergedFrom.push(current.ticketNumber);
    current = target;
  }
  return { ticket: current, mergedFrom };
}
