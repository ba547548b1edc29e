"use client";

import { useEffect, useRef } from "react";
import type { TicketSummary } from "@/trpc/types";
import { TicketRow } from "./ticket-row";

/** The page of tickets, with the keyboard cursor kept in view. */
export function TicketList(props: {
  tickets: TicketSummary[];
  /** Who else is on each ticket's page. */
  viewers: ReadonlyMap<string, string[]>;
  ticketHref: (id: string) => string;
  cursor: number;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onCursor: (index: number) => void;
  emptyText: string;
  dimmed: boolean;
  highlight: readonly string[];
}) {
  const { tickets, viewers, ticketHref, cursor, selected, onToggle, onCursor, emptyText, dimmed, highlight } = props;
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    listRef.current?.querySelector("[data-active]")?.scrollIntoView({ block: "nearest" });
  }, [cursor]);

  if (tickets.length === 0) return <p className="p-6 text-slate-500">{emptyText}</p>;
  return (
    <ul ref={listRef} aria-label="Tickets" className={`divide-y divide-slate-100 transition-opacity ${dimmed ? "opacity-50" : ""}`}>
      {tickets.map((ticket, index) => (
        <TicketRow
          key={ticket.id}
          ticket={ticket}
          viewers={viewers.get(ticket.id)}
          href={ticketHref(ticket.id)}
          active={!dimmed && index === cursor}
          selected={selected.has(ticket.id)}
          onToggle={() => onToggle(ticket.id)}
          onFocusRow={() => onCursor(index)}
          highlight={highlight}
        />
      ))}
    </ul>
  );
}
