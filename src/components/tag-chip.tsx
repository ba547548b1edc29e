import type { ReactNode } from "react";

/** A tag: its color as a dot, the name in dark text (readable whatever the color). */
export function TagChip({ name, color, children }: { name: string; color: string; children?: ReactNode }) {
  return (
    <span className="inline-flex items-center gap-1 rounded-full border border-slate-200 bg-white px-2 py-0.5 text-xs font-medium text-slate-700">
      <span aria-hidden="true" className="h-2 w-2 rounded-full" style={{ backgroundColor: color }} />
      {name}
      {children}
    </span>
  );
}
