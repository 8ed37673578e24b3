import { describe, expect, it } from "vitest";
import { isCalendarDay, nextDay, startOfDay } from "./zoned-day.js";

describe("days in a time zone", () => {
  it("starts a Paris day at 23:00 or 22:00 UTC the day before, across the change of hour", () => {
    expect(startOfDay("2026-01-15", "Europe/Paris").toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(startOfDay("2026-07-15", "Europe/Paris").toISOString()).toBe("2026-07-14T22:00:00.000Z");
    // The last Sunday of March: midnight is still winter time.
    expect(startOfDay("2026-03-29", "Europe/Paris").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfDay("2026-03-30", "Europe/Paris").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(startOfDay("2026-07-15", "UTC").toISOString()).toBe("2026-07-15T00:00:00.000Z");
    expect(startOfDay("2026-07-15", "America/New_York").toISOString()).toBe(
      "2026-07-15T04:00:00.000Z",
    );
  });

  it("tells real days from look-alikes, and counts to the next one", () => {
    expect(isCalendarDay("2026-02-28")).toBe(true);
    expect(isCalendarDay("2026-02-30")).toBe(false);
    expect(isCalendarDay("2026-2-3")).toBe(false);
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
  });
});
