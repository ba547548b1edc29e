import type { Prisma } from "@/generated/prisma/client";

/**
 * Hands out the workspace's next ticket number inside the caller's transaction. The increment
 * locks the workspace row until commit, so concurrent creations queue and a rolled-back one leaves
 * no gap (a database sequence would).
 */
export async function allocateTicketNumber(tx: Prisma.TransactionClient, workspaceId: string): Promise<number> {
  const workspace = await tx.workspace.update({
    where: { id: workspaceId },
    data: { lastTicketNumber: { increment: 1 } },
    select: { lastTicketNumber: true },
  });
  return workspace.lastTicketNumber;
}
