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

  it("refuses what is not a time", () => {
    for (const bad of ["", "demain", "2026-02-31T10:00", "2026-09-01", "2026-09-01T25:00"])
      expect(zonedToInstant(bad, "Europe/Paris"), bad).toBeUndefined();
  });
});
