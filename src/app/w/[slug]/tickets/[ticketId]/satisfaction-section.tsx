import { RelativeTime } from "@/components/relative-time";
import { RATING_WORDS, ratingSchema } from "@/server/satisfaction/satisfaction.schema";
import type { ActivityEntry } from "@/trpc/types";
import { Section } from "./sidebar-section";

const STYLE = { great: "bg-emerald-100 text-emerald-800", okay: "bg-amber-100 text-amber-800", bad: "bg-red-100 text-red-800" } as const;

/** The customer's latest satisfaction rating (from the timeline, where every rating is recorded), if any. */
export function SatisfactionSection({ activity }: { activity: ActivityEntry[] }) {
  const latest = activity.findLast((entry) => entry.type === "rated");
  const data = (latest?.data ?? {}) as { rating?: unknown; comment?: unknown };
  const rating = ratingSchema.safeParse(data.rating);
  if (!latest || !rating.success) return null;
  return (
    <Section title="Satisfaction">
      <p className="text-sm" data-testid="satisfaction">
        <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STYLE[rating.data]}`}>{RATING_WORDS[rating.data]}</span>{" "}
        <RelativeTime iso={latest.createdAt} className="text-xs text-slate-500" />
      </p>
      {typeof data.comment === "string" && <blockquote className="mt-1 border-l-2 border-slate-300 pl-2 text-sm text-slate-700">{data.comment}</blockquote>}
    </Section>
  );
}
