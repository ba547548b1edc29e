import type { Prisma } from "@/generated/prisma/client";

export interface ActivityInput {
  workspaceId: string;
  ticketId: string;
  actorUserId?: string | null;
  type: string;
  data?: Prisma.InputJsonValue;
}

/** Adds an entry to a ticket's timeline (who, what, before/after in `data`). */
export function recordActivity(tx: Prisma.TransactionClient, entry: ActivityInput) {
  return tx.activityEvent.create({ data: { ...entry, actorUserId: entry.actorUserId ?? null } });
}
