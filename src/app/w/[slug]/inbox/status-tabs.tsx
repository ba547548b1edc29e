"use client";

import { useQueries } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { listInput, TABS, type InboxFilters, type InboxTab } from "./inbox-filters";

export const LIVE_INTERVAL_MS = 4_000;

/** The status tabs, each with the number of tickets it holds under the other filters (kept live). */
export function StatusTabs({ workspaceSlug, filters, onSelect }: { workspaceSlug: string; filters: InboxFilters; onSelect: (tab: InboxTab) => void }) {
  const trpc = useTRPC();
  const counts = useQueries({
    queries: TABS.map((tab) => ({
      ...trpc.ticket.list.queryOptions(listInput(workspaceSlug, filters, tab.id, { limit: 1, offset: 0 })),
      refetchInterval: LIVE_INTERVAL_MS,
      select: (data: { total: number }) => data.total,
    })),
  });

  return (
    <div role="tablist" aria-label="Ticket status" className="flex gap-1 overflow-x-auto border-b border-slate-200">
      {TABS.map((tab, index) => {
        const selected = filters.tab === tab.id;
        const count = counts[index]?.data;
        return (
          <button
            key={tab.id}
            type="button"
            role="tab"
            aria-selected={selected}
            onClick={() => onSelect(tab.id)}
            className={`-mb-px flex shrink-0 items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium ${selected ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {tab.label}
            <span
              data-testid={`count-${tab.id}`}
              className={`rounded-full px-2 text-xs tabular-nums ${selected ? "bg-brand-100 text-brand-700" : "bg-slate-100 text-slate-600"}`}
            >
              {count ?? "…"}
            </span>
          </button>
        );
      })}
    </div>
  );
}
