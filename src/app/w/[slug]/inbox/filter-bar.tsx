"use client";

import { useEffect, useState, type RefObject } from "react";
import type { Member, TagOption } from "@/trpc/types";
import { capitalize, PRIORITIES } from "@/components/ticket-fields";
import { listOrder, SLA_VIEWS, type InboxFilters } from "./inbox-filters";

const ORDER_LABELS = { due: "Soonest due first", relevance: "Best matches first", activity: "Newest activity first" } as const;
const SELECT = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** Search (applied as you type, after a short pause), the assignee, priority, tag and mailbox filters, and "unread". */
export function FilterBar(props: {
  filters: InboxFilters;
  members: Member[];
  tags: TagOption[];
  mailboxes: { id: string; name: string; address: string }[];
  searchRef: RefObject<HTMLInputElement | null>;
  onChange: (patch: Partial<InboxFilters>) => void;
}) {
  const { filters, members, tags, mailboxes, searchRef, onChange } = props;
  const [search, setSearch] = useState(filters.search);
  // A search set from outside (a view, the Inbox link) replaces what the box holds.
  const [appliedSearch, setAppliedSearch] = useState(filters.search);
  if (filters.search !== appliedSearch) {
    setAppliedSearch(filters.search);
    setSearch(filters.search);
  }
  useEffect(() => {
    if (search === filters.search) return;
    const timer = setTimeout(() => onChange({ search }), 250);
    return () => clearTimeout(timer);
  }, [search, filters.search, onChange]);

  return (
    <div className="flex flex-wrap items-center gap-2 py-3">
      <input
        ref={searchRef}
        type="search"
        aria-label="Search tickets"
        placeholder="Search: words, a sender, #123, from: to: tag: status: assignee:  ( / )"
        title="Words search subjects, messages, senders and customers; #123 opens a ticket number; from:, to:, tag:, status:, priority: and assignee: (me, none, a name) narrow the list."
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== "Escape" && event.key !== "Enter") return;
          // Apply now, not after the pause; Escape then leaves the box (without clearing it) for the list's keys.
          event.preventDefault();
          if (search !== filters.search) onChange({ search });
          if (event.key === "Escape") event.currentTarget.blur();
        }}
        className="min-w-0 flex-1 basis-60 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm"
      />
      <label className="sr-only" htmlFor="filter-assignee">
        Assignee
      </label>
      <select id="filter-assignee" value={filters.assignee} onChange={(e) => onChange({ assignee: e.target.value })} className={SELECT}>
        <option value="">Anyone</option>
        <option value="me">Assigned to me</option>
        <option value="none">Unassigned</option>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name ?? m.email}
          </option>
        ))}
      </select>
      <label className="sr-only" htmlFor="filter-priority">
        Priority
      </label>
      <select
        id="filter-priority"
        value={filters.priority}
        onChange={(e) => onChange({ priority: PRIORITIES.find((p) => p === e.target.value) ?? "" })}
        className={SELECT}
      >
        <option value="">Any priority</option>
        {PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {capitalize(p)}
          </option>
        ))}
      </select>
      <label className="sr-only" htmlFor="filter-tag">
        Tag
      </label>
      <select id="filter-tag" value={filters.tag} onChange={(e) => onChange({ tag: e.target.value })} className={SELECT}>
        <option value="">Any tag</option>
        {tags.map((t) => (
          <option key={t.id} value={t.name}>
            {t.name}
          </option>
        ))}
      </select>
      {mailboxes.length > 1 && (
        <>
          <label className="sr-only" htmlFor="filter-mailbox">
            Mailbox
          </label>
          <select id="filter-mailbox" value={filters.mailbox} onChange={(e) => onChange({ mailbox: e.target.value })} className={SELECT}>
            <option value="">All mailboxes</option>
            {mailboxes.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} ({m.address})
              </option>
            ))}
          </select>
        </>
      )}
      <label className="flex items-center gap-1.5 text-sm text-slate-700">
        <input type="checkbox" checked={filters.unread} onChange={(e) => onChange({ unread: e.target.checked })} className="h-4 w-4 accent-brand-600" />
        Unread
      </label>
      <label className="sr-only" htmlFor="filter-sla">
        SLA
      </label>
      <select
        id="filter-sla"
        value={filters.sla}
        onChange={(e) => onChange({ sla: SLA_VIEWS.find((v) => v.id === e.target.value)?.id ?? "" })}
        className={SELECT}
      >
        <option value="">Any SLA</option>
        {SLA_VIEWS.map((v) => (
          <option key={v.id} value={v.id}>
            {v.label}
          </option>
        ))}
      </select>
      <span className="text-xs text-slate-500">{ORDER_LABELS[listOrder(filters)]}</span>
    </div>
  );
}
