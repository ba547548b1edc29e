import { describe, expect, it } from "vitest";
import { snoozePresets, zonedTime } from "./snooze-presets";

const until = (now: string, timeZone: string) => Object.fromEntries(snoozePresets(new Date(now), timeZone).map((p) => [p.id, p.until.toISOString()]));

describe("snoozePresets", () => {
  it("later today is three hours on, on the full hour; tomorrow morning and next week are 8:00 in the agent's zone", () => {
    // Wednesday 10:20 in New York (UTC-5 in January).
    expect(until("2026-01-14T15:20:00Z", "America/New_York")).toEqual({
      later_today: "2026-01-14T19:00:00.000Z",
      tomorrow_morning: "2026-01-15T13:00:00.000Z",
      next_week: "2026-01-19T13:00:00.000Z",
    });
  });

  it("counts days in the agent's zone, not UTC's: late Sunday evening in Tokyo is already Monday", () => {
    // 2026-01-18 23:30 UTC is Monday 08:30 in Tokyo: next week is the Monday after.
    expect(until("2026-01-18T23:30:00Z", "Asia/Tokyo")).toMatchObject({
      tomorrow_morning: "2026-01-19T23:00:00.000Z",
      next_week: "2026-01-25T23:00:00.000Z",
    });
  });

  it("keeps 8:00 on the wall clock across a daylight-saving change", () => {
    // Saturday 20:00 in Berlin (CET, UTC+1); clocks go forward that night, so Sunday 8:00 is CEST (UTC+2).
    expect(until("2026-03-28T19:00:00Z", "Europe/Berlin")).toMatchObject({
      tomorrow_morning: "2026-03-29T06:00:00.000Z",
      next_week: "2026-03-30T06:00:00.000Z",
    });
    // Saturday in New York before clocks go back (EDT, UTC-4): Sunday 8:00 is EST (UTC-5).
    expect(until("2026-10-31T22:00:00Z", "America/New_York")).toMatchObject({ tomorrow_morning: "2026-11-01T13:00:00.000Z" });
  });

  it("rolls a day past the month's end into the next month", () => {
    expect(zonedTime({ year: 2026, month: 1, day: 32, hour: 8, minute: 0 }, "UTC").toISOString()).toBe("2026-02-01T08:00:00.000Z");
  });
});
