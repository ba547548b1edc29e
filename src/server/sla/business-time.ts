// Business-time arithmetic on a weekly schedule in one time zone, minus holidays. Business
// minutes are real elapsed minutes inside the schedule's intervals, so an interval that spans a
// clock change is an hour longer or shorter that day.
import { dayNumberAt, instantOfWallTime, isoDateOf, weekdayOf } from "./zoned-time";

export type BusinessInterval = {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Minutes after local midnight; `endMinute` may be 1440 (the next midnight). */
  startMinute: number;
  endMinute: number;
};

export type BusinessSchedule = {
  timeZone: string;
  intervals: BusinessInterval[];
  /** Whole local days without business hours, "YYYY-MM-DD". */
  holidays: string[];
};

const MINUTE_MS = 60_000;
// Ten years of days: a schedule with at least one interval reaches any target well before this
// unless holidays cover everything, which the schedule schema cannot express in that span.
const MAX_DAYS = 3660;

type Span = { start: number; end: number };

/** The schedule's business spans in time order, day by day, from the day that contains `fromMs`. */
function* businessSpans(schedule: BusinessSchedule, fromMs: number): Generator<Span> {
  const holidays = new Set(schedule.holidays);
  const firstDay = dayNumberAt(fromMs, schedule.timeZone);
  for (let day = firstDay; day < firstDay + MAX_DAYS; day++) {
    if (holidays.has(isoDateOf(day))) continue;
    const weekday = weekdayOf(day);
    const intervals = schedule.intervals.filter((interval) => interval.weekday === weekday).sort((a, b) => a.startMinute - b.startMinute);
    for (const interval of intervals) {
      const start = instantOfWallTime(day, interval.startMinute, schedule.timeZone);
      const end = instantOfWallTime(day, interval.endMinute, schedule.timeZone);
      if (end > fromMs && end > start) yield { start: Math.max(start, fromMs), end };
    }
  }
}

/** The instant `minutes` business minutes after `from`. */
export function addBusinessMinutes(schedule: BusinessSchedule, from: Date, minutes: number): Date {
  let remainingMs = minutes * MINUTE_MS;
  if (remainingMs <= 0) return new Date(from);
  for (const span of businessSpans(schedule, from.getTime())) {
    const available = span.end - span.start;
    if (remainingMs <= available) return new Date(span.start + remainingMs);
    remainingMs -= available;
  }
  throw new Error("The business-hours schedule has no business time within ten years.");
}

/** Business minutes between two instants (0 when `to` is not after `from`), whole minutes down. */
export function businessMinutesBetween(schedule: BusinessSchedule, from: Date, to: Date): number {
  const toMs = to.getTime();
  let totalMs = 0;
  for (const span of businessSpans(schedule, from.getTime())) {
    if (span.start >= toMs) break;
    totalMs += Math.min(span.end, toMs) - span.start;
  }
  return Math.floor(totalMs / MINUTE_MS);
}
