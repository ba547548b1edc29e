/** The snooze presets an agent picks from, as times computed in their browser's time zone. */
export interface SnoozePreset {
  id: "later_today" | "tomorrow_morning" | "next_week";
  label: string;
  until: Date;
}

/** Where the working day starts: "tomorrow morning" and "next week" wake then. */
const MORNING_HOUR = 8;
/** "Later today" is this many hours ahead, on the next full hour. */
const LATER_TODAY_HOURS = 3;

type Wall = { year: number; month: number; day: number; hour: number; minute: number };

/** The wall-clock time in `timeZone` at instant `at`. */
function wallTime(at: Date, timeZone: string): Wall {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part("year"), month: part("month"), day: part("day"), hour: part("hour"), minute: part("minute") };
}

/** How far `timeZone`'s wall clock is ahead of UTC at instant `at`, in milliseconds. */
function offsetAt(at: Date, timeZone: string): number {
  const wall = wallTime(at, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  return asUtc - Math.floor(at.getTime() / 60_000) * 60_000;
}

/**
 * The instant the wall clock in `timeZone` shows this time (days past the month's end roll over).
 * The offset is read twice: once at a first guess and again at the result, so a time on the far
 * side of a daylight-saving change gets that side's offset.
 */
export function zonedTime(wall: Wall, timeZone: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const guess = new Date(asUtc - offsetAt(new Date(asUtc), timeZone));
  return new Date(asUtc - offsetAt(guess, timeZone));
}

/**
 * Later today (three hours on, rounded up to the hour), tomorrow morning (8:00) and next week
 * (Monday 8:00), in `timeZone` as seen at `now`.
 */
export function snoozePresets(now: Date, timeZone: string): SnoozePreset[] {
  const hour = 3_600_000;
  const laterToday = new Date(Math.ceil((now.getTime() + LATER_TODAY_HOURS * hour) / hour) * hour);
  const today = wallTime(now, timeZone);
  const weekday = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay();
  const daysToMonday = (1 - weekday + 7) % 7 || 7;
  const morning = (days: number) => zonedTime({ ...today, day: today.day + days, hour: MORNING_HOUR, minute: 0 }, timeZone);
  return [
    { id: "later_today", label: "Later today", until: laterToday },
    { id: "tomorrow_morning", label: "Tomorrow morning", until: morning(1) },
    { id: "next_week", label: "Next week", until: morning(daysToMonday) },
  ];
}

/** "Mon, Jan 19, 8:00 AM": when a snoozed ticket wakes, in the reader's zone. */
export const formatWakeTime = (iso: string) =>
  new Date(iso).toLocaleString("en-US", { weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });
