import type { Prisma } from "@/generated/prisma/client";

// The order a workspace's rules run in, shown and reordered in: ascending priority, then the older
// rule first, then the id (so two rules saved in the same millisecond still have one order).
const RUN_ORDER_FIELDS = ["priority", "createdAt", "id"] as const;
type RunOrderFields = { priority: number; createdAt: Date; id: string };

/** The run order for a query. */
export const RUN_ORDER: Prisma.AutomationRuleOrderByWithRelationInput[] = RUN_ORDER_FIELDS.map((field) => ({ [field]: "asc" }));

/** The run order for rules in memory; compares ids as PostgreSQL compares UUIDs (lowercase hex). */
export function byRunOrder(a: RunOrderFields, b: RunOrderFields): number {
  for (const field of RUN_ORDER_FIELDS) {
    if (a[field] < b[field]) return -1;
    if (a[field] > b[field]) return 1;
  }
  return 0;
}
