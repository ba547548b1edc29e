import { PRIORITIES } from "@/components/ticket-fields";
import { parseSearch } from "@/server/tickets/search-query";
import type { Priority, RouterInputs, RouterOutputs } from "@/trpc/types";

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

/** The SLA views: tickets with a pending target, or past one; both list the soonest due first. */
export const SLA_VIEWS = [
  { id: "due", label: "Due soonest" },
  { id: "breached", label: "Breached" },
] as const;
export type SlaView = (typeof SLA_VIEWS)[number]["id"];

/** What the inbox shows; kept in the URL so a reload or the back button restores it. */
export interface InboxFilters {
  tab: InboxTab;
  /** A member's id, `me`, `none`, or "" for everyone. */
  assignee: string;
  priority: Priority | "";
  tag: string;
  search: string;
  /** A mailbox's id, or "" for all. */
  mailbox: string;
  /** Only tickets the customer wrote on since I last opened them. */
  unread: boolean;
  sla: SlaView | "";
  page: number;
}

type Params = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export function parseFilters(params: Params): InboxFilters {
  const tab = TABS.find((t) => t.id === one(params.tab))?.id ?? "open";
  const priority = PRIORITIES.find((p) => p === one(params.priority)) ?? "";
  const sla = SLA_VIEWS.find((v) => v.id === one(params.sla))?.id ?? "";
  const page = Math.max(1, Math.floor(Number(one(params.page)) || 1));
  return {
    tab,
    assignee: one(params.assignee),
    priority,
    tag: one(params.tag),
    search: one(params.q),
    mailbox: one(params.mailbox),
    unread: one(params.unread) === "1",
    sla,
    page,
  };
}

export function filtersQuery(filters: InboxFilters): string {
  const entries: [string, string][] = [
    ["tab", filters.tab === "open" ? "" : filters.tab],
    ["assignee", filters.assignee],
    ["priority", filters.priority],
    ["tag", filters.tag],
    ["q", filters.search],
    ["mailbox", filters.mailbox],
    ["unread", filters.unread ? "1" : ""],
    ["sla", filters.sla],
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
    ...(filters.mailbox ? { mailbox: filters.mailbox } : {}),
    ...(filters.unread ? { unread: true } : {}),
    ...(filters.sla ? { sla: filters.sla } : {}),
  };
}

type ViewFilters = RouterInputs["view"]["create"]["filters"];
type SavedViewFilters = RouterOutputs["view"]["list"][number]["filters"];

/** The filters a saved view keeps (the tab and everything inside it; not the page). */
export function viewFilters(filters: InboxFilters): ViewFilters {
  const { workspaceSlug: _, ...inside } = countsInput("", filters);
  return { tab: filters.tab, ...inside };
}

/** A saved view's filters as the inbox shows them (it has one priority and one tag box). */
export function inboxFiltersOf(view: SavedViewFilters): InboxFilters {
  return {
    tab: view.tab,
    assignee: view.assignee ?? "",
    priority: view.priority?.[0] ?? "",
    tag: view.tags?.[0] ?? "",
    search: view.search ?? "",
    mailbox: view.mailbox ?? "",
    unread: view.unread === true,
    sla: view.sla ?? "",
    page: 1,
  };
}

/** Soonest due first in an SLA view, best matches first when searching for words, else newest activity. */
export function listOrder(filters: InboxFilters): "due" | "relevance" | "activity" {
  if (filters.sla) return "due";
  return parseSearch(filters.search).text ? "relevance" : "activity";
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
    sort: listOrder(filters),
    limit: PAGE_SIZE,
    ...(cursor ? { cursor } : { offset: (filters.page - 1) * PAGE_SIZE }),
    count: "none",
  };
}
