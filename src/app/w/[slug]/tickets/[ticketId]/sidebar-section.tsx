import type { ReactNode } from "react";

/** One titled part of the ticket's sidebar. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="border-b border-slate-200 py-3 last:border-0">
      <h2 className="mb-2 text-xs font-semibold tracking-wide text-slate-600 uppercase">{title}</h2>
      {children}
    </section>
  );
}
