"use client";

import { capitalize, PRIORITIES, SETTABLE_STATUSES } from "@/components/ticket-fields";
import type { Member, TagOption, TicketDetail } from "@/trpc/types";
import { ActivityTimeline } from "./activity-timeline";
import { CustomerContext } from "./customer-context";
import { SatisfactionSection } from "./satisfaction-section";
import { Section } from "./sidebar-section";
import { SlaSection } from "./sla-section";
import { TagEditor } from "./tag-editor";
import type { useTicketMutations } from "./use-ticket-mutations";

const SELECT = "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm disabled:bg-slate-100";

/** Status, priority, assignee and tags (each saved as it changes), the contact and customer, the timeline. */
export function TicketSidebar(props: {
  workspaceSlug: string;
  ticket: TicketDetail;
  members: Member[];
  tags: TagOption[];
  actions: ReturnType<typeof useTicketMutations>;
}) {
  const { workspaceSlug, ticket, members, tags, actions } = props;
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
      <SlaSection ticket={ticket} />
      <Section title="Tags">
        <TagEditor tags={ticket.tags} allTags={tags} disabled={merged} onChange={(names) => actions.update({ tags: names })} />
      </Section>
      <CustomerContext workspaceSlug={workspaceSlug} ticket={ticket} />
      <SatisfactionSection activity={ticket.activity} />
      <Section title="Activity">
        <ActivityTimeline activity={ticket.activity} members={members} />
      </Section>
    </aside>
  );
}
