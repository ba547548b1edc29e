"use client";

import { isBreached, spanText } from "./sla-text";

/** An inbox row's soonest SLA due time: red once breached, amber within the hour. */
export function SlaBadge({ dueAt }: { dueAt: string | null }) {
  if (!dueAt) return null;
  const now = Date.now();
  const left = new Date(dueAt).getTime() - now;
  const breached = isBreached(dueAt, now);
  const style = breached ? "bg-red-100 text-red-800" : left < 3_600_000 ? "bg-amber-100 text-amber-800" : "bg-slate-100 text-slate-700";
  return (
    <span
      data-testid="sla-badge"
      data-breached={breached}
      title={`SLA due ${new Date(dueAt).toLocaleString()}`}
      className={`rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${style}`}
      suppressHydrationWarning
    >
      {breached ? `Breached ${spanText(left)} ago` : `Due in ${spanText(left)}`}
    </span>
  );
}
