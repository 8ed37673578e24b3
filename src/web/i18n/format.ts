import type { Messages } from "./fr.js";
import { zoneOffsets } from "./zone-offsets.js";

/**
 * Dates and numbers through Intl, in the site's locale and zone. French news style is
 * "dimanche 30 août 2026 à 14 h 05", which Intl does not spell by itself: the time is built from
 * parts.
 */
export interface Formatter {
  dateTime(iso: string): string;
  date(iso: string): string;
  number(n: number): string;
  /** "A, B et C" as parts, the way the locale joins a list (a byline's names, each a link). */
  listParts(items: readonly string[]): ReturnType<Intl.ListFormat["formatToParts"]>;
}

const cache = new Map<string, Formatter>();
/** Local days whose text is kept: emptied when full, so that any dates keep it bounded. */
const DAY_TEXTS_KEPT = 4096;

export function formatter(t: Messages, timeZone: string): Formatter {
  const key = `${t.intlLocale}|${timeZone}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const day = new Intl.DateTimeFormat(t.intlLocale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone,
  });
  const shortDay = new Intl.DateTimeFormat(t.intlLocale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone,
  });
  const time = new Intl.DateTimeFormat(t.intlLocale, {
    hour: "numeric",
    minute: "2-digit",
    hourCycle: t.lang === "fr" ? "h23" : "h12",
    timeZone,
  });
  const numbers = new Intl.NumberFormat(t.intlLocale);
  // Made once: building an Intl formatter costs more than many uses of it.
  const list = new Intl.ListFormat(t.intlLocale, { type: "conjunction" });
  const clockText = (d: Date) => {
    if (t.lang !== "fr") return time.format(d);
    const parts = time.formatToParts(d);
    const hour = parts.find((p) => p.type === "hour")?.value ?? "";
    const minute = parts.find((p) => p.type === "minute")?.value ?? "";
    return `${Number(hour)}\u00a0h\u00a0${minute}`;
  };
  const joined = (dayText: string, clock: string) =>
    t.lang === "fr" ? `${dayText} à ${clock}` : `${dayText} at ${clock}`;
  // A comment's date and time were two ICU calls each, 4 % of a cold article's CPU: the zone's
  // clock is read arithmetically, and each local day's text and each minute of the day's kept.
  const localMoment = zoneOffsets(timeZone);
  const dayTexts = new Map<number, string>();
  const clockTexts: string[] = [];
  const f: Formatter = {
    dateTime(iso) {
      const d = new Date(iso);
      const moment = localMoment(d.getTime());
      if (!moment) return joined(day.format(d), clockText(d));
      let dayText = dayTexts.get(moment.day);
      if (dayText === undefined) {
        dayText = day.format(d);
        if (dayTexts.size >= DAY_TEXTS_KEPT) dayTexts.clear();
        dayTexts.set(moment.day, dayText);
      }
      const clock = (clockTexts[moment.minute] ??= clockText(d));
      return joined(dayText, clock);
    },
    date: (iso) => shortDay.format(new Date(iso)),
    number: (n) => numbers.format(n),
    listParts: (items) => list.formatToParts(items),
  };
  cache.set(key, f);
  return f;
}
