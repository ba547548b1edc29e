"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { AppLink } from "./app-link";
import { errorSentence } from "./error-sentence";
import { RelativeTime } from "./relative-time";
import { StatusBadge } from "./status-badge";

/**
 * A contact's or a customer's tickets, newest activity first (open, pending and closed, archived ones
 * left out as in the inbox), each with its status and last activity, linking to the ticket.
 * `exclude` leaves out the ticket the page already shows.
 */
export function TicketHistory(props: {
  workspaceSlug: string;
  of: { contact: string } | { customer: string };
  exclude?: string;
  limit: number;
  empty: string;
}) {
  const { workspaceSlug, of, exclude, limit, empty } = props;
  const trpc = useTRPC();
  const input = { workspaceSlug, ...of, count: "none" as const, limit: limit + (exclude ? 1 : 0) };
  const list = useQuery(trpc.ticket.list.queryOptions(input));
  if (list.isPending) return <p className="text-sm text-slate-500">Loading tickets…</p>;
  if (list.isError) return <p className="text-sm text-red-700">{errorSentence(list.error)}</p>;
  const tickets = list.data.tickets.filter((ticket) => ticket.id !== exclude).slice(0, limit);
  if (tickets.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <ul className="space-y-1.5 text-sm" data-testid="ticket-history">
      {tickets.map((ticket) => (
        <li key={ticket.id} className="flex items-baseline gap-2">
          <StatusBadge status={ticket.status} />
          <AppLink href={`/w/${workspaceSlug}/tickets/${ticket.id}`} className="min-w-0 flex-1 truncate text-brand-700 hover:underline">
            <span className="text-slate-500">#{ticket.ticketNumber}</span> {ticket.subject}
          </AppLink>
          <RelativeTime iso={ticket.lastActivityAt} className="shrink-0 text-xs text-slate-500" />
        </li>
      ))}
    </ul>
  );
}
