import { describe, expect, it } from "vitest";
import { instantToZoned, zonedToInstant } from "./zoned-time.js";

describe("zoned wall-clock times", () => {
  it("reads a Paris time in summer and in winter", () => {
    expect(zonedToInstant("2026-09-01T08:30", "Europe/Paris")?.toISOString()).toBe(
      "2026-09-01T06:30:00.000Z",
    );
    expect(zonedToInstant("2026-12-01T08:30", "Europe/Paris")?.toISOString()).toBe(
      "2026-12-01T07:30:00.000Z",
    );
    expect(zonedToInstant("2026-12-01T08:30", "UTC")?.toISOString()).toBe(
      "2026-12-01T08:30:00.000Z",
    );
  });

  it("goes back to the same wall-clock time", () => {
    for (const local of ["2026-03-29T01:59", "2026-03-29T03:00", "2026-10-25T04:00"]) {
      const instant = zonedToInstant(local, "Europe/Paris");
      expect(instant && instantToZoned(instant, "Europe/Paris")).toBe(local);
    }
  });

  it("reads years 1 to 99 as themselves, and refuses what no stored instant can be", () => {
    expect(zonedToInstant("0001-01-01T00:00", "UTC")?.toISOString()).toBe(
      "0001-01-01T00:00:00.000Z",
    );
    const back = zonedToInstant("0050-06-01T12:00", "America/New_York");
    expect(back && instantToZoned(back, "America/New_York")).toBe("0050-06-01T12:00");
    expect(zonedToInstant("9999-12-31T23:59", "Europe/Paris")?.toISOString()).toBe(
      "9999-12-31T22:59:00.000Z",
    );
    // In New York that is in year 10000 in UTC: stored as text, it would sort before 2026.
    expect(zonedToInstant("9999-12-31T23:59", "America/New_York")).toBeUndefined();
    expect(zonedToInstant("0000-06-01T12:00", "UTC")).toBeUndefined();
  });

  it("refuses what is not a time", () => {
    for (const bad of ["", "demain", "2026-02-31T10:00", "2026-09-01", "2026-09-01T25:00"])
      expect(zonedToInstant(bad, "Europe/Paris"), bad).toBeUndefined();
  });
});
