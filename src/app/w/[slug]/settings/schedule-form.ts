import type { RouterOutputs } from "@/trpc/types";

export type ScheduleDto = RouterOutputs["sla"]["schedules"][number];
export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
// Monday first, as business weeks are read.
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

/** The editor's text: per weekday "09:00-12:00, 13:00-17:00", holidays one per line. */
export interface ScheduleDraft {
  name: string;
  timeZone: string;
  days: string[];
  holidays: string;
}

export function emptyDraft(timeZone: string): ScheduleDraft {
  return { name: "", timeZone, days: WEEKDAYS.map((_, day) => (day >= 1 && day <= 5 ? "09:00-17:00" : "")), holidays: "" };
}

export function draftOf(schedule: ScheduleDto): ScheduleDraft {
  return {
    name: schedule.name,
    timeZone: schedule.timeZone,
    days: WEEKDAYS.map((_, day) =>
      schedule.intervals
        .filter((i) => i.weekday === day)
        .map((i) => `${i.start}-${i.end}`)
        .join(", "),
    ),
    holidays: schedule.holidays.join("\n"),
  };
}

/** The draft as the API takes it, or the sentence saying which day is not written as intervals. */
export function scheduleInput(draft: ScheduleDraft) {
  const intervals = [];
  for (const [weekday, text] of draft.days.entries()) {
    for (const part of text
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean)) {
      const match = /^(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/.exec(part);
      if (!match) return { error: `${WEEKDAYS[weekday]}: write hours as 09:00-17:00, several separated by commas.` };
      const pad = (clock: string) => clock.padStart(5, "0");
      intervals.push({ weekday, start: pad(match[1]!), end: pad(match[2]!) });
    }
  }
  const holidays = draft.holidays.split(/[\s,]+/).filter(Boolean);
  return { input: { name: draft.name, timeZone: draft.timeZone, intervals, holidays } };
}

/** "Mon–Fri 09:00–17:00" style summary: each day with its hours. */
export function hoursSummary(schedule: ScheduleDto): string {
  const days = WEEK_ORDER.map((day) => {
    const hours = schedule.intervals.filter((i) => i.weekday === day).map((i) => `${i.start}–${i.end}`);
    return hours.length ? `${WEEKDAYS[day]!.slice(0, 3)} ${hours.join(", ")}` : null;
  }).filter(Boolean);
  return days.join(" · ");
}
