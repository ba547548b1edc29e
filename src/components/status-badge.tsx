const STYLES: Record<string, string> = {
  open: "bg-emerald-100 text-emerald-800",
  pending: "bg-amber-100 text-amber-800",
  closed: "bg-slate-200 text-slate-700",
  merged: "bg-violet-100 text-violet-800",
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STYLES[status] ?? STYLES.closed}`}>{status}</span>;
}
