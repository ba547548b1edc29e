"use client";

import { useQuery } from "@tanstack/react-query";
import { usePollingFallback } from "@/components/live-events";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";
import { countsInput, TABS, type InboxFilters, type InboxTab } from "./inbox-filters";

export const LIVE_INTERVAL_MS = 4_000;

export type TabCount = RouterOutputs["ticket"]["counts"][InboxTab];

/** "10,000+" past the cap the server counts to. */
export const formatCount = (tab: TabCount) => `${tab.count.toLocaleString("en-US")}${tab.capped ? "+" : ""}`;

/** Every tab's count under the current filters, in one request, kept live (polled only while live events are down). */
export function useTabCounts(workspaceSlug: string, filters: InboxFilters) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.ticket.counts.queryOptions(countsInput(workspaceSlug, filters)), refetchInterval: usePollingFallback(LIVE_INTERVAL_MS) });
}

/** The status tabs, each with the number of tickets it holds under the other filters (kept live). */
export function StatusTabs({ workspaceSlug, filters, onSelect }: { workspaceSlug: string; filters: InboxFilters; onSelect: (tab: InboxTab) => void }) {
  const counts = useTabCounts(workspaceSlug, filters).data;

  return (
    <div role="tablist" aria-label="Ticket status" className="flex gap-1 overflow-x-auto border-b border-slate-200">
      {TABS.map((tab) => {
        const selected = filters.tab === tab.id;
        const count = counts?.[tab.id];
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
              {count ? formatCount(count) : "…"}
            </span>
          </button>
        );
      })}
    </div>
  );
}
