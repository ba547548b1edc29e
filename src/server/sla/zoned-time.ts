// Wall-clock arithmetic in an IANA time zone with the platform's Intl data, so no time-zone
// library is needed. A "day number" counts civil days since 1970-01-01 in the zone's calendar.

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const FORMATTERS_KEY = Symbol.for("threadline.zonedTimeFormatters");
const globalStore = globalThis as { [FORMATTERS_KEY]?: Map<string, Intl.DateTimeFormat> };

function formatter(timeZone: string): Intl.DateTimeFormat {
  const formatters = (globalStore[FORMATTERS_KEY] ??= new Map<string, Intl.DateTimeFormat>());
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, found);
  }
  return found;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's wall clock at `ms`, read as if it were UTC. */
function wallClockMs(ms: number, timeZone: string): number {
  const parts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) {
    if (part.type in parts) parts[part.type as keyof typeof parts] = Number(part.value);
  }
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

/** How far the zone's wall clock is ahead of UTC at `ms`, in milliseconds. */
function offsetMs(ms: number, timeZone: string): number {
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  return wallClockMs(wholeSecond, timeZone) - wholeSecond;
}

/** The civil day (in the zone) that contains the instant. */
export function dayNumberAt(ms: number, timeZone: string): number {
  return Math.floor(wallClockMs(ms, timeZone) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday, as `Date.getUTCDay`. */
export function weekdayOf(dayNumber: number): number {
  return new Date(dayNumber * DAY_MS).getUTCDay();
}

/** "YYYY-MM-DD" of a day number. */
export function isoDateOf(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The instant at which the zone's clock shows `minuteOfDay` on the given day (1440 = the next
 * midnight). A time skipped by a spring-forward change maps to the instant the clock jumps past
 * it (02:30 → 03:30), so an interval that starts inside the gap starts when the gap ends; a time
 * shown twice at a fall-back change maps to its first occurrence.
 */
export function instantOfWallTime(dayNumber: number, minuteOfDay: number, timeZone: string): number {
  const wall = dayNumber * DAY_MS + minuteOfDay * MINUTE_MS;
  // Zone changes are months apart, so the offsets half a day either side are the only candidates.
  const offsetBefore = offsetMs(wall - DAY_MS / 2, timeZone);
  const offsetAfter = offsetMs(wall + DAY_MS / 2, timeZone);
  const candidates = [wall - offsetBefore, wall - offsetAfter].filter((instant) => wallClockMs(instant, timeZone) === wall);
  if (candidates.length > 0) return Math.min(...candidates);
  return wall - offsetBefore;
}
