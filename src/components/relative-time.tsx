"use client";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];
const format = new Intl.RelativeTimeFormat("en", { numeric: "auto", style: "short" });

/** "2 hr. ago"; the exact time in the tooltip. */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const elapsed = new Date(iso).getTime() - Date.now();
  const [unit, size] = UNITS.find(([, ms]) => Math.abs(elapsed) >= ms) ?? ["minute", 60_000];
  return (
    <time dateTime={iso} title={new Date(iso).toLocaleString()} className={className} suppressHydrationWarning>
      {format.format(Math.round(elapsed / size), unit)}
    </time>
  );
}
