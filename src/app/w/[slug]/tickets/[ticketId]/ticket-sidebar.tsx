"use client";

import type { ReactNode } from "react";
import { capitalize, PRIORITIES, SETTABLE_STATUSES } from "@/components/ticket-fields";
import type { Member, TagOption, TicketDetail } from "@/trpc/types";
import { ActivityTimeline } from "./activity-timeline";
import { TagEditor } from "./tag-editor";
import type { useTicketMutations } from "./use-ticket-mutations";

const SELECT = "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm disabled:bg-slate-100";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="border-b border-slate-200 py-3 last:border-0">
      <h2 className="mb-2 text-xs font-semibold tracking-wide text-slate-600 uppercase">{title}</h2>
      {children}
    </section>
  );
}

/** Status, priority, assignee and tags (each saved as it changes), the contact and customer, the timeline. */
export function TicketSidebar(props: { ticket: TicketDetail; members: Member[]; tags: TagOption[]; actions: ReturnType<typeof useTicketMutations> }) {
  const { ticket, members, tags, actions } = props;
  const merged = ticket.status === "merged";
  return (
    <aside aria-label="Ticket details" className="rounded-lg border border-slate-200 bg-white px-4">
      <Section title="Properties">
        <div className="space-y-2 text-sm">
          <label className="block">
            <span className="mb-0.5 block text-slate-700">Status</span>
            <select
              value={ticket.status}
              disabled={merged}
              className={SELECT}
              onChange={(e) => actions.setStatus(SETTABLE_STATUSES.find((s) => s === e.target.value) ?? "open")}
            >
              {merged && <option value="merged">Merged</option>}
              {SETTABLE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {capitalize(s)}
                </option>
              ))}
            </select>
          </label>
          <label className="block">
            <span className="mb-0.5 block text-slate-700">Priority</span>
            <select
              value={ticket.priority}
              disabled={merged}
              className={SELECT}
              onChange={(e) => actions.update({ priority: PRIORITIES.find((p) => p === e.target.value) })}
            >
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {capitalize(p)}
                </option>
              ))}
            </select>
          </label>
          <label className="block">
            <span className="mb-0.5 block text-slate-700">Assignee</span>
            <select
              value={ticket.assigneeId ?? ""}
              disabled={merged}
              className={SELECT}
              onChange={(e) => actions.update({ assigneeId: e.target.value || null })}
            >
              <option value="">Unassigned</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name ?? m.email}
                </option>
              ))}
            </select>
          </label>
        </div>
      </Section>
      <Section title="Tags">
        <TagEditor tags={ticket.tags} allTags={tags} disabled={merged} onChange={(names) => actions.update({ tags: names })} />
      </Section>
      <Section title="Contact">
        {ticket.contact ? (
          <p className="text-sm" data-testid="contact">
            <span className="block font-medium">{ticket.contact.name ?? ticket.contact.email}</span>
            <a href={`mailto:${ticket.contact.email}`} className="break-all text-brand-700 underline">
              {ticket.contact.email}
            </a>
          </p>
        ) : (
          <p className="text-sm text-slate-500">No contact</p>
        )}
        <p className="mt-2 text-sm" data-testid="customer">
          <span className="text-slate-600">Customer: </span>
          {ticket.customer?.name ?? <span className="text-slate-500">none</span>}
        </p>
      </Section>
      <Section title="Activity">
        <ActivityTimeline activity={ticket.activity} members={members} />
      </Section>
    </aside>
  );
}
