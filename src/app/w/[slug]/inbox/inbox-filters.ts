import { PRIORITIES } from "@/components/ticket-fields";
import type { Priority, RouterInputs } from "@/trpc/types";

export const TABS = [
  { id: "open", label: "Open" },
  { id: "pending", label: "Pending" },
  { id: "snoozed", label: "Snoozed" },
  { id: "closed", label: "Closed" },
  { id: "all", label: "All" },
  { id: "archived", label: "Archived" },
] as const;
export type InboxTab = (typeof TABS)[number]["id"];

export const PAGE_SIZE = 50;

/** What the inbox shows; kept in the URL so a reload or the back button restores it. */
export interface InboxFilters {
  tab: InboxTab;
  /** A member's id, `me`, `none`, or "" for everyone. */
  assignee: string;
  priority: Priority | "";
  tag: string;
  search: string;
  page: number;
}

type Params = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export function parseFilters(params: Params): InboxFilters {
  const tab = TABS.find((t) => t.id === one(params.tab))?.id ?? "open";
  const priority = PRIORITIES.find((p) => p === one(params.priority)) ?? "";
  const page = Math.max(1, Math.floor(Number(one(params.page)) || 1));
  return { tab, assignee: one(params.assignee), priority, tag: one(params.tag), search: one(params.q), page };
}

export function filtersQuery(filters: InboxFilters): string {
  const entries: [string, string][] = [
    ["tab", filters.tab === "open" ? "" : filters.tab],
    ["assignee", filters.assignee],
    ["priority", filters.priority],
    ["tag", filters.tag],
    ["q", filters.search],
    ["page", filters.page > 1 ? String(filters.page) : ""],
  ];
  const query = new URLSearchParams(entries.filter(([, value]) => value !== "")).toString();
  return query ? `?${query}` : "";
}

type ListInput = RouterInputs["ticket"]["list"];
type CountsInput = RouterInputs["ticket"]["counts"];

/** The filters inside a tab (what the list and the tab counts share). */
export function countsInput(workspaceSlug: string, filters: InboxFilters): CountsInput {
  return {
    workspaceSlug,
    ...(filters.assignee ? { assignee: filters.assignee } : {}),
    ...(filters.priority ? { priority: [filters.priority] } : {}),
    ...(filters.tag ? { tags: [filters.tag] } : {}),
    ...(filters.search.trim() ? { search: filters.search.trim() } : {}),
  };
}

/**
 * The ticket.list input for a page of the current tab: after the previous page's cursor when the
 * inbox has it (keyset: as fast deep down as on top), else by offset (a page opened from the URL).
 * The total comes from the tab counts, so the list does not count.
 */
export function listInput(workspaceSlug: string, filters: InboxFilters, cursor: string | undefined): ListInput {
  const tab = filters.tab;
  return {
    ...countsInput(workspaceSlug, filters),
    ...(tab === "open" || tab === "pending" || tab === "closed" ? { status: [tab] } : {}),
    // Open and pending leave snoozed tickets to the Snoozed tab, which lists them whatever their status.
    ...(tab === "open" || tab === "pending" ? { snoozed: false } : {}),
    ...(tab === "snoozed" ? { status: ["open", "pending"], snoozed: true } : {}),
    archived: tab === "archived",
    limit: PAGE_SIZE,
    ...(cursor ? { cursor } : { offset: (filters.page - 1) * PAGE_SIZE }),
    count: "none",
  };
}
