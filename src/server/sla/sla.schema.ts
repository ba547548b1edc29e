import { z } from "zod";
import { isValidTimeZone } from "./zoned-time";

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const clockSchema = z.string().regex(CLOCK, "a time as HH:MM, 00:00 to 24:00");
const toMinute = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3));

const intervalSchema = z
  .object({ weekday: z.number().int().min(0).max(6), start: clockSchema, end: clockSchema })
  .refine((interval) => toMinute(interval.end) > toMinute(interval.start), { message: "Each interval must end after it starts", path: ["end"] })
  .transform((interval) => ({ weekday: interval.weekday, startMinute: toMinute(interval.start), endMinute: toMinute(interval.end) }));

const isoDate = z.iso.date("a date as YYYY-MM-DD");

export const scheduleInputSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    timeZone: z.string().refine(isValidTimeZone, "an IANA time zone such as Europe/Berlin"),
    intervals: z.array(intervalSchema).min(1, "Add at least one interval of business hours").max(70),
    holidays: z.array(isoDate).max(400).default([]),
  })
  .refine(
    (schedule) =>
      schedule.intervals.every((a, i) =>
        schedule.intervals.every((b, j) => i === j || a.weekday !== b.weekday || a.endMinute <= b.startMinute || b.endMinute <= a.startMinute),
      ),
    { message: "Intervals of the same day must not overlap", path: ["intervals"] },
  )
  .transform((schedule) => ({ ...schedule, holidays: [...new Set(schedule.holidays)].sort() }));
export type ScheduleInput = z.output<typeof scheduleInputSchema>;

export const scheduleIdSchema = z.object({ scheduleId: z.string() });
export const updateScheduleSchema = z.object({ scheduleId: z.uuid(), schedule: scheduleInputSchema });

const targetMinutes = z.number().int().min(1).max(525_600).nullable();

export const policyInputSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    priority: z.enum(["low", "normal", "high", "urgent"]),
    mailboxId: z.uuid().nullable().default(null),
    scheduleId: z.uuid(),
    firstResponseMinutes: targetMinutes.default(null),
    nextResponseMinutes: targetMinutes.default(null),
    resolutionMinutes: targetMinutes.default(null),
  })
  .refine((policy) => policy.firstResponseMinutes !== null || policy.nextResponseMinutes !== null || policy.resolutionMinutes !== null, {
    message: "Set at least one target",
    path: ["firstResponseMinutes"],
  });
export type PolicyInput = z.output<typeof policyInputSchema>;

export const policyIdSchema = z.object({ policyId: z.string() });
export const updatePolicySchema = z.object({ policyId: z.uuid(), policy: policyInputSchema });
