import { describe, expect, it } from "vitest";
import { endOfDay, isCalendarDay, startOfDay } from "./zoned-day.js";

describe("days in a time zone", () => {
  it("starts a Paris day at 23:00 or 22:00 UTC the day before, across the change of hour", () => {
    const start = (day: string, zone: string) => startOfDay(day, zone)?.toISOString();
    expect(start("2026-01-15", "Europe/Paris")).toBe("2026-01-14T23:00:00.000Z");
    expect(start("2026-07-15", "Europe/Paris")).toBe("2026-07-14T22:00:00.000Z");
    // The last Sunday of March: midnight is still winter time.
    expect(start("2026-03-29", "Europe/Paris")).toBe("2026-03-28T23:00:00.000Z");
    expect(start("2026-03-30", "Europe/Paris")).toBe("2026-03-29T22:00:00.000Z");
    expect(start("2026-07-15", "UTC")).toBe("2026-07-15T00:00:00.000Z");
    expect(start("2026-07-15", "America/New_York")).toBe("2026-07-15T04:00:00.000Z");
  });

  it("tells real days from look-alikes, and ends each at the next one's start", () => {
    expect(isCalendarDay("2026-02-28")).toBe(true);
    expect(isCalendarDay("2026-02-30")).toBe(false);
    expect(isCalendarDay("2026-2-3")).toBe(false);
    expect(endOfDay("2026-12-31", "UTC")?.toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(endOfDay("2026-03-28", "Europe/Paris")?.toISOString()).toBe("2026-03-28T23:00:00.000Z");
  });

  it("reads every day a date field gives, from 0001-01-01 to 9999-12-31, without throwing", () => {
    expect(isCalendarDay("0000-01-01")).toBe(false);
    expect(isCalendarDay("0001-01-01")).toBe(true);
    expect(isCalendarDay("0099-02-29")).toBe(false);
    expect(isCalendarDay("9999-12-31")).toBe(true);
    // Years below 100 are those years, not 1900 to 1999; local mean time before time zones.
    expect(startOfDay("0001-01-01", "UTC")?.toISOString()).toBe("0001-01-01T00:00:00.000Z");
    expect(startOfDay("0001-01-01", "America/New_York")?.toISOString()).toBe(
      "0001-01-01T04:56:02.000Z",
    );
    expect(endOfDay("0001-01-01", "Europe/Paris")?.toISOString()).toBe("0001-01-01T23:50:39.000Z");
    for (const zone of ["UTC", "Europe/Paris", "America/New_York", "Pacific/Kiritimati"])
      for (const day of ["0001-01-01", "9999-12-30", "9999-12-31"]) {
        expect(startOfDay(day, zone), `${day} ${zone}`).toBeInstanceOf(Date);
        expect(startOfDay(day, zone)!.toISOString()).toMatch(/^\d{4}-/);
      }
    expect(endOfDay("9999-12-30", "UTC")?.toISOString()).toBe("9999-12-31T00:00:00.000Z");
    // The last day has no next one: a filter to it has no end.
    expect(endOfDay("9999-12-31", "Europe/Paris")).toBeUndefined();
  });
});
