"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { StatusBadge } from "@/components/status-badge";
import { RelativeTime } from "@/components/relative-time";

export function TicketList({ workspaceSlug }: { workspaceSlug: string }) {
  const trpc = useTRPC();
  const tickets = useQuery(trpc.ticket.list.queryOptions({ workspaceSlug }));

  if (tickets.isPending) {
    return <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-500">Loading tickets…</p>;
  }
  if (tickets.isError) {
    return (
      <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6 text-red-700">
        Could not load tickets: {tickets.error.message}
      </p>
    );
  }
  if (tickets.data.tickets.length === 0) {
    return <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-500">No tickets yet. New email will show up here.</p>;
  }
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
      <p className="border-b border-slate-200 px-4 py-2 text-sm text-slate-500">{tickets.data.total} tickets</p>
      <ul aria-label="Tickets" className="divide-y divide-slate-100">
        {tickets.data.tickets.map((ticket) => (
          <li key={ticket.id} data-testid="ticket-row" className="flex items-center gap-3 px-4 py-3 hover:bg-slate-50">
            <span className="w-12 shrink-0 text-sm tabular-nums text-slate-500">#{ticket.ticketNumber}</span>
            <div className="min-w-0 flex-1">
              <p className="truncate font-medium">{ticket.subject}</p>
              <p className="truncate text-sm text-slate-500">
                {ticket.contact?.name ?? ticket.contact?.email ?? "Unknown sender"}
                {ticket.tags.map((tag) => (
                  <span key={tag.id} className="ml-2 rounded px-1.5 py-0.5 text-xs text-white" style={{ backgroundColor: tag.color }}>
                    {tag.name}
                  </span>
                ))}
              </p>
            </div>
            <StatusBadge status={ticket.status} />
            <RelativeTime iso={ticket.lastActivityAt} className="hidden w-20 shrink-0 text-right text-sm text-slate-500 sm:block" />
          </li>
        ))}
      </ul>
    </div>
  );
}
