import type { Messages } from "./fr.js";

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
  const f: Formatter = {
    dateTime(iso) {
      const d = new Date(iso);
      if (t.lang === "fr") {
        const parts = time.formatToParts(d);
        const hour = parts.find((p) => p.type === "hour")?.value ?? "";
        const minute = parts.find((p) => p.type === "minute")?.value ?? "";
        return `${day.format(d)} à ${Number(hour)}\u00a0h\u00a0${minute}`;
      }
      return `${day.format(d)} at ${time.format(d)}`;
    },
    date: (iso) => shortDay.format(new Date(iso)),
    number: (n) => numbers.format(n),
    listParts: (items) => list.formatToParts(items),
  };
  cache.set(key, f);
  return f;
}
