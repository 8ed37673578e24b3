import { describe, expect, it } from "vitest";
import { en } from "./en.js";
import { fr } from "./fr.js";
import { formatter } from "./format.js";

describe("formatter", () => {
  it("writes French dates in news style, in the site's zone", () => {
    // 12:05 UTC is 14:05 in Paris in summer.
    expect(formatter(fr, "Europe/Paris").dateTime("2026-08-30T12:05:00.000Z")).toBe(
      "dimanche 30 août 2026 à 14\u00a0h\u00a005",
    );
  });
  it("writes English dates with a 12-hour clock", () => {
    expect(formatter(en, "Europe/London").dateTime("2026-08-30T12:05:00.000Z")).toMatch(
      /^Sunday,? 30 August 2026 at 1:05\s?pm$/i,
    );
  });
  it("groups thousands as the locale does", () => {
    expect(formatter(fr, "Europe/Paris").number(78761)).toBe("78\u202f761");
    expect(formatter(en, "Europe/Paris").number(78761)).toBe("78,761");
  });
  it("joins a list as the locale does, in parts", () => {
    const text = (parts: { value: string }[]) => parts.map((p) => p.value).join("");
    expect(text(formatter(fr, "Europe/Paris").listParts(["Léa", "Noé", "Inès"]))).toBe(
      "Léa, Noé et Inès",
    );
    expect(text(formatter(en, "Europe/Paris").listParts(["Léa", "Noé", "Inès"]))).toBe(
      "Léa, Noé and Inès",
    );
    expect(formatter(fr, "Europe/Paris").listParts(["Léa"])).toEqual([
      { type: "element", value: "Léa" },
    ]);
  });
});
