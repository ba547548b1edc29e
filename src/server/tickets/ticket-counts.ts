import { Prisma } from "@/generated/prisma/client";
import type { WorkspaceAccess } from "@/server/auth/access";
import type { Db } from "@/server/db";
import { scopeConditions, tabConditions } from "./ticket-search";
import { ticketCountsSchema, type TicketCountsInput } from "./tickets.schema";

/**
 * Tab counts stop here: beyond it the inbox shows "10,000+". Counting further would read every
 * matching ticket on every poll (a workspace of 450,000 tickets costs half a second a count), and no
 * agent acts on the difference between 12,345 and 23,456.
 */
export const TAB_COUNT_CAP = 10_000;

/** Open and pending leave snoozed tickets out until they wake; Snoozed lists them (they keep their status). */
export const TICKET_TABS = {
  open: { archived: false, statuses: ["open"], snoozed: false },
  pending: { archived: false, statuses: ["pending"], snoozed: false },
  snoozed: { archived: false, statuses: ["open", "pending"], snoozed: true },
  closed: { archived: false, statuses: ["closed"], snoozed: undefined },
  all: { archived: false, statuses: undefined, snoozed: undefined },
  archived: { archived: true, statuses: undefined, snoozed: undefined },
} as const;
export type TicketTab = keyof typeof TICKET_TABS;

export interface TabCount {
  count: number;
  /** True when there are more than `count` (the cap). */
  capped: boolean;
}

/**
 * How many tickets each inbox tab holds under the same filters, in one statement: each tab's count
 * walks its index and stops one past the cap.
 */
export async function countTicketTabs(db: Db, access: WorkspaceAccess, input: TicketCountsInput): Promise<Record<TicketTab, TabCount>> {
  const scope = await scopeConditions(db, access.workspace.id, ticketCountsSchema.parse(input), access.user.id);
  const tabs = Object.entries(TICKET_TABS).map(([name, tab]) => {
    const where = Prisma.join([...scope, ...tabConditions(tab.archived, tab.statuses, tab.snoozed)], " AND ");
    return Prisma.sql`(SELECT count(*) FROM (SELECT 1 FROM "Ticket" t WHERE ${where} LIMIT ${TAB_COUNT_CAP + 1}) capped) AS ${Prisma.raw(`"${name}"`)}`;
  });
  const [row] = await db.$queryRaw<Record<TicketTab, bigint>[]>`SELECT ${Prisma.join(tabs, ", ")}`;
  const count = (name: TicketTab): TabCount => {
    const matched = Number(row?.[name] ?? 0);
    return { count: Math.min(matched, TAB_COUNT_CAP), capped: matched > TAB_COUNT_CAP };
  };
  return {
    open: count("open"),
    pending: count("pending"),
    snoozed: count("snoozed"),
    closed: count("closed"),
    all: count("all"),
    archived: count("archived"),
  };
}
