import { describe, expect, it } from "vitest";
import { lastDays, localDate, startOfDay } from "./zoned-days.js";

describe("calendar days in a time zone", () => {
  it("starts a Paris day at 22:00 or 23:00 UTC, by the season", () => {
    expect(startOfDay("2026-08-30", "Europe/Paris").toISOString()).toBe("2026-08-29T22:00:00.000Z");
    expect(startOfDay("2026-01-15", "Europe/Paris").toISOString()).toBe("2026-01-14T23:00:00.000Z");
  });

  it("counts the days the clocks change as 23 and 25 hours", () => {
    const spring = startOfDay("2026-03-30", "Europe/Paris").getTime();
    expect(spring - startOfDay("2026-03-29", "Europe/Paris").getTime()).toBe(23 * 3_600_000);
    const autumn = startOfDay("2026-10-26", "Europe/Paris").getTime();
    expect(autumn - startOfDay("2026-10-25", "Europe/Paris").getTime()).toBe(25 * 3_600_000);
  });

  it("starts a day whose midnight does not exist at the first minute that does", () => {
    // Santiago de Chile moved its clocks from 00:00 to 01:00 on 2025-09-07.
    expect(startOfDay("2025-09-07", "America/Santiago").toISOString()).toBe(
      "2025-09-07T04:00:00.000Z",
    );
  });

  it("handles zones ahead of UTC by odd amounts", () => {
    expect(startOfDay("2026-08-30", "Asia/Kathmandu").toISOString()).toBe(
      "2026-08-29T18:15:00.000Z",
    );
    expect(localDate(new Date("2026-08-29T18:14:59Z"), "Asia/Kathmandu")).toBe("2026-08-29");
    expect(localDate(new Date("2026-08-29T18:15:00Z"), "Asia/Kathmandu")).toBe("2026-08-30");
  });

  it("lists the last days, today included, with one bound more than days", () => {
    const { dates, bounds } = lastDays(new Date("2026-03-02T23:30:00Z"), "Europe/Paris", 3);
    expect(dates).toEqual(["2026-03-01", "2026-03-02", "2026-03-03"]);
    expect(bounds).toEqual([
      "2026-02-28T23:00:00.000Z",
      "2026-03-01T23:00:00.000Z",
      "2026-03-02T23:00:00.000Z",
      "2026-03-03T23:00:00.000Z",
    ]);
  });
});
