"use client";

import { AppLink } from "@/components/app-link";
import { Highlight } from "@/components/highlight";
import { PresenceMarker } from "@/components/presence";
import { PriorityBadge } from "@/components/priority-badge";
import { SlaBadge } from "@/components/sla-badge";
import { RelativeTime } from "@/components/relative-time";
import { formatWakeTime } from "@/components/snooze-presets";
import { StatusBadge } from "@/components/status-badge";
import { TagChip } from "@/components/tag-chip";
import type { TicketSummary } from "@/trpc/types";

/** One ticket in the list (bold, with a dot, when the customer wrote since I opened it); the whole row opens it, the checkbox selects it. */
export function TicketRow(props: {
  ticket: TicketSummary;
  /** Who else is on the ticket's page. */
  viewers: string[] | undefined;
  href: string;
  active: boolean;
  selected: boolean;
  onToggle: () => void;
  onFocusRow: () => void;
  /** The search's words, marked in the subject and the sender. */
  highlight: readonly string[];
}) {
  const { ticket, viewers, href, active, selected, onToggle, onFocusRow, highlight } = props;
  return (
    <li
      data-testid="ticket-row"
      data-active={active || undefined}
      data-unread={ticket.unread || undefined}
      aria-current={active ? "true" : undefined}
      className={`relative flex items-center gap-3 px-3 py-3 sm:px-4 ${active ? "bg-brand-50 shadow-[inset_3px_0_0_#2f6fed]" : selected ? "bg-slate-50" : "hover:bg-slate-50"}`}
    >
      <input
        type="checkbox"
        checked={selected}
        onChange={onToggle}
        aria-label={`Select ticket #${ticket.ticketNumber}`}
        className="relative z-10 h-4 w-4 shrink-0 accent-brand-600"
      />
      <span className="hidden w-12 shrink-0 text-sm tabular-nums text-slate-500 sm:block">#{ticket.ticketNumber}</span>
      <div className="min-w-0 flex-1">
        <AppLink
          href={href}
          onFocus={onFocusRow}
          className={`block truncate ${ticket.unread ? "font-bold" : "font-medium"} after:absolute after:inset-0 focus-visible:outline-none`}
        >
          {ticket.unread && <span role="img" aria-label="New customer reply" className="mr-1.5 inline-block h-2 w-2 rounded-full bg-brand-600 align-middle" />}
          <span className="sm:hidden">#{ticket.ticketNumber} </span>
          <Highlight text={ticket.subject} terms={highlight} />
        </AppLink>
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
          <span className="truncate">
            <Highlight text={ticket.contact?.name ?? ticket.contact?.email ?? "Unknown sender"} terms={highlight} />
          </span>
          {ticket.customer && (
            <span className="hidden text-slate-500 md:inline">
              · <Highlight text={ticket.customer.name} terms={highlight} />
            </span>
          )}
          {ticket.snoozedUntil && (
            <span data-testid="row-snoozed" className="text-indigo-700" suppressHydrationWarning>
              Snoozed until {formatWakeTime(ticket.snoozedUntil)}
            </span>
          )}
          {ticket.tags.map((tag) => (
            <TagChip key={tag.id} name={tag.name} color={tag.color} />
          ))}
        </p>
      </div>
      <PresenceMarker names={viewers} />
      <SlaBadge dueAt={ticket.sla.dueAt} />
      <PriorityBadge priority={ticket.priority} />
      <span className="hidden w-28 shrink-0 truncate text-right text-sm text-slate-600 md:block" data-testid="row-assignee">
        {ticket.assignee ? (ticket.assignee.name ?? ticket.assignee.email) : <span className="text-slate-500">Unassigned</span>}
      </span>
      <StatusBadge status={ticket.status} />
      <RelativeTime iso={ticket.lastActivityAt} className="hidden w-20 shrink-0 text-right text-sm text-slate-500 sm:block" />
    </li>
  );
}
