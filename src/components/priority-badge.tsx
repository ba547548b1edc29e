const STYLES: Record<string, string> = {
  low: "text-slate-600",
  normal: "text-slate-700",
  high: "text-orange-700 font-semibold",
  urgent: "text-red-700 font-semibold",
};

export function PriorityBadge({ priority }: { priority: string }) {
  if (priority === "normal") return null;
  return <span className={`text-xs uppercase tracking-wide ${STYLES[priority] ?? ""}`}>{priority}</span>;
}
