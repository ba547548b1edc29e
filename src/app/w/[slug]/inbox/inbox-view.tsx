"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRouter, useSearchParams } from "next/navigation";
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { useCommands, type Command } from "@/components/commands";
import { rememberInboxQuery, rememberInboxTickets } from "@/components/inbox-return";
import { usePollingFallback } from "@/components/live-events";
import { LoadError } from "@/components/load-state";
import { useViewersByTicket } from "@/components/presence";
import { useShortcuts } from "@/components/use-shortcuts";
import { highlightTerms } from "@/server/tickets/search-query";
import { useTRPC } from "@/trpc/react";
import type { TicketSummary } from "@/trpc/types";
import { MacroMenu } from "@/components/macro-menu";
import { BulkBar } from "./bulk-bar";
import type { BulkPicker } from "./bulk-pickers";
import { FilterBar } from "./filter-bar";
import { filtersQuery, listInput, PAGE_SIZE, parseFilters, TABS, type InboxFilters } from "./inbox-filters";
import { Pagination } from "./pagination";
import { LIVE_INTERVAL_MS, StatusTabs, useTabCounts } from "./status-tabs";
import { TicketList } from "./ticket-list";
import { useBulkActions, type BulkAction } from "./use-bulk-actions";
import { usePageCursors } from "./use-page-cursors";
import { ViewsSidebar } from "./views-sidebar";

// Dialogs, closed at first paint: their code is not in the page's first scripts; it loads while the page hydrates.
const ShortcutHelp = lazy(() => import("@/components/shortcut-help").then((m) => ({ default: m.ShortcutHelp })));
const BulkPickers = lazy(() => import("./bulk-pickers").then((m) => ({ default: m.BulkPickers })));

const SHORTCUTS: [string, string][] = [
  ["j / k", "Next / previous ticket"],
  ["Enter", "Open the ticket"],
  ["x", "Select or unselect the ticket"],
  ["*", "Select all tickets on the page, or none"],
  ["e", "Close the selected tickets (or this one)"],
  ["o", "Reopen the selected tickets (or this one)"],
  ["a", "Assign the selected tickets"],
  ["t", "Tag the selected tickets"],
  ["/", "Search"],
  ["Esc", "Clear the selection"],
  ["Ctrl/⌘ + K", "All actions"],
  ["?", "This help"],
];

export function InboxView({ workspaceSlug, initialFilters }: { workspaceSlug: string; initialFilters: InboxFilters }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [filters, setFilters] = useState(initialFilters);
  // The cursor follows a ticket, not a position: live updates insert rows above it.
  const [activeId, setActiveId] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<BulkPicker | "help">(null);
  const [announcement, setAnnouncement] = useState("");
  const searchRef = useRef<HTMLInputElement>(null);
  // A navigation to other filters of the inbox (the "Inbox" link while filtered, a saved view)
  // starts from the URL's; the URL updates the view makes itself match its filters already.
  const searchParams = useSearchParams();
  const urlQuery = searchParams.size ? `?${searchParams.toString()}` : "";
  const [seenUrlQuery, setSeenUrlQuery] = useState(urlQuery);
  if (urlQuery !== seenUrlQuery) {
    setSeenUrlQuery(urlQuery);
    if (urlQuery !== filtersQuery(filters)) {
      setFilters(parseFilters(Object.fromEntries(searchParams)));
      setActiveId(null);
      setSelected(new Set());
    }
  }

  const pageCursors = usePageCursors(filters);
  const list = useQuery({
    ...trpc.ticket.list.queryOptions(listInput(workspaceSlug, filters, pageCursors.current)),
    refetchInterval: usePollingFallback(LIVE_INTERVAL_MS),
    placeholderData: keepPreviousData,
  });
  const nextCursor = list.isPlaceholderData ? null : (list.data?.nextCursor ?? null);
  const { remember } = pageCursors;
  useEffect(() => remember(nextCursor), [remember, nextCursor]);
  const counts = useTabCounts(workspaceSlug, filters).data;
  const viewers = useViewersByTicket(workspaceSlug);
  const members = useQuery(trpc.member.list.queryOptions({ workspaceSlug })).data ?? [];
  const tags = useQuery(trpc.tag.list.queryOptions({ workspaceSlug })).data ?? [];
  const mailboxes = useQuery(trpc.mailbox.list.queryOptions({ workspaceSlug })).data ?? [];
  // While a new filter loads, the previous rows stay on screen (dimmed) but keys do not act on them.
  const stale = list.isPlaceholderData;
  const tickets = stale ? [] : (list.data?.tickets ?? []);
  const cursor = Math.max(
    0,
    tickets.findIndex((t) => t.id === activeId),
  );
  const bulk = useBulkActions(workspaceSlug, setAnnouncement);
  // Once loaded (not while a new filter loads): what a ticket page's next/previous walks through.
  const shownIds = stale || !list.data ? null : tickets.map((t) => t.id).join(",");
  useEffect(() => {
    if (shownIds !== null) rememberInboxTickets(workspaceSlug, shownIds ? shownIds.split(",") : []);
  }, [shownIds, workspaceSlug]);

  const changeFilters = useCallback((patch: Partial<InboxFilters>) => {
    setFilters((current) => ({ ...current, page: 1, ...patch }));
    setActiveId(null);
    setSelected(new Set());
  }, []);
  useEffect(() => {
    const query = filtersQuery(filters);
    window.history.replaceState(null, "", `${window.location.pathname}${query}`);
    rememberInboxQuery(workspaceSlug, query);
  }, [filters, workspaceSlug]);

  const ticketHref = (id: string) => `/w/${workspaceSlug}/tickets/${id}`;
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const targets = (): TicketSummary[] => {
    const chosen = tickets.filter((t) => selected.has(t.id));
    const atCursor = tickets[cursor];
    return chosen.length ? chosen : atCursor ? [atCursor] : [];
  };
  const run = (action: BulkAction) => {
    const chosen = targets();
    setDialog(null);
    if (chosen.length) bulk.mutate({ action, tickets: chosen }, { onSuccess: () => setSelected(new Set()) });
  };
  const selectAll = (all: boolean) => setSelected(new Set(all ? tickets.map((t) => t.id) : []));
  const move = (step: number) => setActiveId(tickets[Math.min(Math.max(cursor + step, 0), tickets.length - 1)]?.id ?? null);

  useShortcuts({
    j: () => move(1),
    k: () => move(-1),
    Enter: () => tickets[cursor] && router.push(ticketHref(tickets[cursor].id)),
    x: () => tickets[cursor] && toggle(tickets[cursor].id),
    "*": () => selectAll(selected.size < tickets.length),
    e: () => run({ kind: "close" }),
    o: () => run({ kind: "reopen" }),
    a: () => targets().length && setDialog("assign"),
    t: () => targets().length && setDialog("tag"),
    "/": () => searchRef.current?.focus(),
    "?": () => setDialog("help"),
    Escape: () => setSelected(new Set()),
  });

  const some = targets().length > 0;
  const what = selected.size ? `the ${selected.size} selected` : "this ticket";
  useCommands([
    ...(some
      ? ([
          { id: "close", label: `Close ${what}`, shortcut: "e", run: () => run({ kind: "close" }) },
          { id: "reopen", label: `Reopen ${what}`, shortcut: "o", run: () => run({ kind: "reopen" }) },
          { id: "assign", label: `Assign ${what}…`, shortcut: "a", run: () => setDialog("assign") },
          { id: "tag", label: `Tag ${what}…`, shortcut: "t", run: () => setDialog("tag") },
          { id: "open", label: "Open the ticket", shortcut: "Enter", run: () => tickets[cursor] && router.push(ticketHref(tickets[cursor].id)) },
        ] satisfies Command[])
      : []),
    {
      id: "select-all",
      label: selected.size < tickets.length ? "Select all tickets on the page" : "Select none",
      shortcut: "*",
      run: () => selectAll(selected.size < tickets.length),
    },
    { id: "search", label: "Search", shortcut: "/", run: () => searchRef.current?.focus() },
    ...TABS.filter((tab) => tab.id !== filters.tab).map((tab) => ({
      id: `tab:${tab.id}`,
      label: `Show ${tab.label}`,
      run: () => changeFilters({ tab: tab.id }),
    })),
    { id: "help", label: "Keyboard shortcuts", shortcut: "?", run: () => setDialog("help") },
  ]);

  const filtered =
    Boolean(filters.assignee || filters.priority || filters.tag || filters.search.trim() || filters.mailbox || filters.unread || filters.sla) ||
    filters.tab !== "open";
  return (
    <div className="grid items-start gap-4 lg:grid-cols-[13rem_minmax(0,1fr)]">
      <ViewsSidebar workspaceSlug={workspaceSlug} filters={filters} />
      <div className="min-w-0">
        <StatusTabs workspaceSlug={workspaceSlug} filters={filters} onSelect={(tab) => changeFilters({ tab })} />
        <FilterBar filters={filters} members={members} tags={tags} mailboxes={mailboxes} searchRef={searchRef} onChange={changeFilters} />
        {list.isError && !list.data ? (
          <LoadError what="tickets" error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <div className="overflow-hidden rounded-lg border border-slate-200 bg-white" aria-busy={stale}>
            <BulkBar
              count={selected.size}
              pageSize={tickets.length}
              busy={bulk.isPending}
              onSelectAll={selectAll}
              onClose={() => run({ kind: "close" })}
              onReopen={() => run({ kind: "reopen" })}
              onAssign={() => setDialog("assign")}
              onTag={() => setDialog("tag")}
              onClear={() => setSelected(new Set())}
              more={<MacroMenu workspaceSlug={workspaceSlug} ticketIds={[...selected]} onApplied={() => setSelected(new Set())} />}
            />
            {list.isPending ? (
              <p role="status" className="p-6 text-slate-500">
                Loading tickets…
              </p>
            ) : (
              <TicketList
                tickets={list.data?.tickets ?? []}
                viewers={viewers}
                dimmed={stale}
                ticketHref={ticketHref}
                cursor={cursor}
                selected={selected}
                onToggle={toggle}
                onCursor={(index) => setActiveId(tickets[index]?.id ?? null)}
                emptyText={filtered ? "No tickets match these filters." : "No tickets yet. New email will show up here."}
                highlight={highlightTerms(filters.search)}
              />
            )}
            <Pagination
              page={filters.page}
              shown={tickets.length}
              pageSize={PAGE_SIZE}
              total={counts?.[filters.tab]}
              hasNext={!stale && Boolean(list.data?.nextCursor)}
              onPage={(page) => changeFilters({ page })}
            />
          </div>
        )}
        <p role="status" aria-live="polite" className="mt-2 min-h-5 text-sm text-slate-600">
          {announcement}
        </p>
        <p className="mt-3 hidden text-xs text-slate-500 sm:block">
          Press <kbd className="font-mono">?</kbd> for keyboard shortcuts.
        </p>
        <Suspense>
          <BulkPickers
            open={dialog === "help" ? null : dialog}
            count={targets().length}
            members={members}
            tags={tags}
            onAssign={(assignee) => run({ kind: "assign", assignee })}
            onTag={(name) => run({ kind: "tag", name })}
            onClose={() => setDialog(null)}
          />
          <ShortcutHelp open={dialog === "help"} onClose={() => setDialog(null)} shortcuts={SHORTCUTS} />
        </Suspense>
      </div>
    </div>
  );
}
