import { describe, expect, it } from "vitest";
import { addBusinessMinutes, businessMinutesBetween, type BusinessSchedule } from "./business-time";

const WEEKDAYS = [1, 2, 3, 4, 5];

function weekdaysNineToFive(timeZone: string, holidays: string[] = []): BusinessSchedule {
  return {
    timeZone,
    intervals: WEEKDAYS.map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 17 * 60 })),
    holidays,
  };
}

function allWeek(timeZone: string): BusinessSchedule {
  return {
    timeZone,
    intervals: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute: 0, endMinute: 1440 })),
    holidays: [],
  };
}

const at = (iso: string) => new Date(iso);

describe("addBusinessMinutes", () => {
  const berlin = weekdaysNineToFive("Europe/Berlin");

  it("adds inside one business day", () => {
    // Monday 2026-01-05 10:00 CET = 09:00Z.
    expect(addBusinessMinutes(berlin, at("2026-01-05T09:00:00Z"), 90).toISOString()).toBe("2026-01-05T10:30:00.000Z");
  });

  it("starts at the next opening when the instant is outside business hours", () => {
    // Monday 06:00 CET → opens 09:00 CET (08:00Z).
    expect(addBusinessMinutes(berlin, at("2026-01-05T05:00:00Z"), 30).toISOString()).toBe("2026-01-05T08:30:00.000Z");
  });

  it("carries over night into the next morning", () => {
    // Monday 16:30 CET + 60 min = Tuesday 09:30 CET.
    expect(addBusinessMinutes(berlin, at("2026-01-05T15:30:00Z"), 60).toISOString()).toBe("2026-01-06T08:30:00.000Z");
  });

  it("skips the weekend", () => {
    // Friday 2026-01-09 16:00 CET + 120 min = Monday 10:00 CET.
    expect(addBusinessMinutes(berlin, at("2026-01-09T15:00:00Z"), 120).toISOString()).toBe("2026-01-12T09:00:00.000Z");
    // Saturday → Monday 09:00 + 1 min.
    expect(addBusinessMinutes(berlin, at("2026-01-10T12:00:00Z"), 1).toISOString()).toBe("2026-01-12T08:01:00.000Z");
  });

  it("skips holidays given as local dates", () => {
    const withHoliday = weekdaysNineToFive("Europe/Berlin", ["2026-01-06"]);
    expect(addBusinessMinutes(withHoliday, at("2026-01-05T15:30:00Z"), 60).toISOString()).toBe("2026-01-07T08:30:00.000Z");
  });

  it("uses the schedule's own time zone", () => {
    const newYork = weekdaysNineToFive("America/New_York");
    // Monday 2026-01-05 14:00Z is 09:00 EST: opening, + 60 min.
    expect(addBusinessMinutes(newYork, at("2026-01-05T14:00:00Z"), 60).toISOString()).toBe("2026-01-05T15:00:00.000Z");
    // The same instant is 15:00 in Berlin: 120 minutes left there that day, 60 go to Tuesday.
    expect(addBusinessMinutes(berlin, at("2026-01-05T14:00:00Z"), 180).toISOString()).toBe("2026-01-06T09:00:00.000Z");
  });

  it("keeps local opening hours across the spring-forward change in Berlin", () => {
    // Friday 2026-03-27 16:00 CET (15:00Z) + 120 min → Monday 2026-03-30 10:00 CEST (08:00Z).
    expect(addBusinessMinutes(berlin, at("2026-03-27T15:00:00Z"), 120).toISOString()).toBe("2026-03-30T08:00:00.000Z");
  });

  it("keeps local opening hours across the fall-back change in New York", () => {
    const newYork = weekdaysNineToFive("America/New_York");
    // Friday 2026-10-30 16:00 EDT (20:00Z) + 120 min → Monday 2026-11-02 10:00 EST (15:00Z).
    expect(addBusinessMinutes(newYork, at("2026-10-30T20:00:00Z"), 120).toISOString()).toBe("2026-11-02T15:00:00.000Z");
  });

  it("counts real minutes on a 24/7 schedule, through a clock change", () => {
    const always = allWeek("Europe/Berlin");
    // Saturday 2026-03-28 23:00Z + 5 h of real time crosses the 01:00Z jump.
    expect(addBusinessMinutes(always, at("2026-03-28T23:00:00Z"), 300).toISOString()).toBe("2026-03-29T04:00:00.000Z");
    expect(addBusinessMinutes(always, at("2026-10-24T22:00:00Z"), 240).toISOString()).toBe("2026-10-25T02:00:00.000Z");
  });

  it("starts an interval that opens inside the skipped hour when the clock resumes", () => {
    // Sunday 2026-03-29 in Berlin: 02:00–03:00 does not exist, so 02:30–04:00 runs 03:30–04:00 (01:30Z–02:00Z).
    const night: BusinessSchedule = {
      timeZone: "Europe/Berlin",
      intervals: [{ weekday: 0, startMinute: 150, endMinute: 240 }],
      holidays: [],
    };
    expect(businessMinutesBetween(night, at("2026-03-28T12:00:00Z"), at("2026-03-29T12:00:00Z"))).toBe(30);
    expect(addBusinessMinutes(night, at("2026-03-28T12:00:00Z"), 10).toISOString()).toBe("2026-03-29T01:40:00.000Z");
  });

  it("returns the start itself for zero minutes", () => {
    expect(addBusinessMinutes(berlin, at("2026-01-10T12:00:00Z"), 0).toISOString()).toBe("2026-01-10T12:00:00.000Z");
  });
});

describe("businessMinutesBetween", () => {
  const berlin = weekdaysNineToFive("Europe/Berlin");

  it("counts only business hours over a weekend", () => {
    // Friday 16:00 CET → Monday 10:00 CET: 60 + 60.
    expect(businessMinutesBetween(berlin, at("2026-01-09T15:00:00Z"), at("2026-01-12T09:00:00Z"))).toBe(120);
  });

  it("is zero when the end is not after the start, or both lie outside business hours", () => {
    expect(businessMinutesBetween(berlin, at("2026-01-12T09:00:00Z"), at("2026-01-09T15:00:00Z"))).toBe(0);
    expect(businessMinutesBetween(berlin, at("2026-01-10T09:00:00Z"), at("2026-01-11T20:00:00Z"))).toBe(0);
  });

  it("counts the 23- and 25-hour days of a 24/7 schedule in New York", () => {
    const always = allWeek("America/New_York");
    // Local midnight to local midnight on the change days.
    expect(businessMinutesBetween(always, at("2026-03-08T05:00:00Z"), at("2026-03-09T04:00:00Z"))).toBe(23 * 60);
    expect(businessMinutesBetween(always, at("2026-11-01T04:00:00Z"), at("2026-11-02T05:00:00Z"))).toBe(25 * 60);
  });

  it("agrees with addBusinessMinutes", () => {
    const newYork = weekdaysNineToFive("America/New_York", ["2026-11-26"]);
    const from = at("2026-11-20T18:17:00Z");
    for (const minutes of [1, 59, 480, 1000, 2400, 5000]) {
      const due = addBusinessMinutes(newYork, from, minutes);
      expect(businessMinutesBetween(newYork, from, due)).toBe(minutes);
    }
  });

  it("adds up several intervals a day", () => {
    const split: BusinessSchedule = {
      timeZone: "UTC",
      intervals: [
        { weekday: 1, startMinute: 14 * 60, endMinute: 18 * 60 },
        { weekday: 1, startMinute: 8 * 60, endMinute: 12 * 60 },
      ],
      holidays: [],
    };
    expect(businessMinutesBetween(split, at("2026-01-05T00:00:00Z"), at("2026-01-06T00:00:00Z"))).toBe(480);
    expect(addBusinessMinutes(split, at("2026-01-05T11:00:00Z"), 90).toISOString()).toBe("2026-01-05T14:30:00.000Z");
  });
});
