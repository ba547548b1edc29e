"use client";

import { dueSentence, isBreached } from "@/components/sla-text";
import { SLA_TARGET_LABELS, SLA_TARGETS } from "@/server/sla/sla-targets";
import type { TicketDetail } from "@/trpc/types";
import { Section } from "./sidebar-section";

/** The ticket's pending SLA targets, each due time as a sentence; nothing when no policy applies or all are met. */
export function SlaSection({ ticket }: { ticket: TicketDetail }) {
  const now = Date.now();
  const pending = SLA_TARGETS.flatMap((target) => {
    const dueAt = ticket.sla[`${target}DueAt`];
    return dueAt ? [{ target, dueAt }] : [];
  });
  if (pending.length === 0) return null;
  return (
    <Section title="SLA">
      <ul className="space-y-1 text-sm" data-testid="sla-due-times">
        {pending.map(({ target, dueAt }) => (
          <li
            key={target}
            className={isBreached(dueAt, now) ? "font-medium text-red-700" : "text-slate-700"}
            title={new Date(dueAt).toLocaleString()}
            suppressHydrationWarning
          >
            {dueSentence(SLA_TARGET_LABELS[target], dueAt, now)}
          </li>
        ))}
      </ul>
      <p className="mt-1 text-xs text-slate-500">Targets count business hours.</p>
    </Section>
  );
}
