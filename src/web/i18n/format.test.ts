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

describe("formatter's dates, read without ICU for each", () => {
  /** What Intl says of the moment, asked afresh: the reference the kept texts must equal. */
  function asked(lang: "fr" | "en", timeZone: string, d: Date): string {
    const locale = lang === "fr" ? fr.intlLocale : en.intlLocale;
    const day = new Intl.DateTimeFormat(locale, {
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone,
    }).format(d);
    const time = new Intl.DateTimeFormat(locale, {
      hour: "numeric",
      minute: "2-digit",
      hourCycle: lang === "fr" ? "h23" : "h12",
      timeZone,
    });
    if (lang === "en") return `${day} at ${time.format(d)}`;
    const parts = time.formatToParts(d);
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
    return `${day} à ${Number(part("hour"))}\u00a0h\u00a0${part("minute")}`;
  }

  // Changes of offset (summer time, half and quarter hours, a 30-minute summer time), local mean
  // time before standard time, the start of a year, and years Date.UTC reads otherwise.
  const cases: [string, string][] = [
    ["Europe/Paris", "2026-03-29T00:00:00Z"],
    ["Europe/Paris", "2026-10-25T00:00:00Z"],
    ["Europe/Paris", "1891-03-15T00:00:00Z"],
    ["Europe/Paris", "1911-03-11T00:00:00Z"],
    ["Asia/Kathmandu", "1986-01-01T00:00:00Z"],
    ["Australia/Lord_Howe", "2026-04-04T12:00:00Z"],
    ["America/St_Johns", "2026-11-01T00:00:00Z"],
    ["Pacific/Chatham", "2026-09-26T12:00:00Z"],
    ["Pacific/Kiritimati", "2026-12-31T00:00:00Z"],
    ["America/Los_Angeles", "0050-06-01T00:00:00Z"],
  ];
  it.each(cases)("writes every minute around a change in %s as Intl does (%s)", (zone, from) => {
    const start = Date.parse(from);
    const moments: number[] = [];
    // Two days, every 7 minutes and 13 seconds, then the same moments in another order: the
    // kept texts are read from other moments than those that made them.
    for (let ms = start - 86_400_000; ms < start + 86_400_000; ms += 433_000) moments.push(ms);
    const shuffled = moments.map((ms, i) => moments[(i * 7919) % moments.length]!);
    for (const lang of ["fr", "en"] as const) {
      const f = formatter(lang === "fr" ? fr : en, zone);
      for (const ms of [...moments, ...shuffled]) {
        const iso = new Date(ms).toISOString();
        expect(f.dateTime(iso), `${lang} ${iso}`).toBe(asked(lang, zone, new Date(ms)));
      }
    }
  });

  it("refuses a date that is not one, as Intl does", () => {
    expect(() => formatter(fr, "Europe/Paris").dateTime("pas une date")).toThrow(RangeError);
  });
});
