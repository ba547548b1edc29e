import type { Priority } from "@/trpc/types";

/** Highest first, as agents scan them. */
export const PRIORITIES: Priority[] = ["urgent", "high", "normal", "low"];
/** The statuses an agent can set (merged is the result of a merge). */
export const SETTABLE_STATUSES = ["open", "pending", "closed"] as const;
export type SettableStatus = (typeof SETTABLE_STATUSES)[number];

export const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
