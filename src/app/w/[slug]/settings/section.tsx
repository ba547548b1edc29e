"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { LoadError, Loading } from "@/components/load-state";

/** One settings section: a titled card that the page's section links point at. */
export function Section({ id, title, description, children }: { id: string; title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
      <div className="mt-4 space-y-4">{children}</div>
    </section>
  );
}

/** The query's data once loaded; its loading and error states until then. */
export function Loaded<T>({ query, what, children }: { query: UseQueryResult<T, { message: string }>; what: string; children: (data: T) => ReactNode }) {
  if (query.isPending) return <Loading label={`Loading ${what}…`} />;
  if (query.isError) return <LoadError what={what} error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}

/** A write's success, announced politely. */
export function StatusNote({ text }: { text: string | null }) {
  return (
    <p role="status" aria-live="polite" className="min-h-5 text-sm text-green-800">
      {text}
    </p>
  );
}
