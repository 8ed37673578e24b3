import { zonedToInstant } from "./zoned-time.js";

/**
 * Calendar days typed in a date filter (YYYY-MM-DD), as instants of a time zone: a filter "from
 * this day to that one" means the site's days, not UTC's. Every filter (the journal, search)
 * reads its days here, so that one rule says which days exist: 0001-01-01 to 9999-12-31, as a
 * date field gives them, and none of them throws.
 */

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The instant a calendar day starts in a time zone: "2026-03-29" in Europe/Paris is
 * 2026-03-28T23:00:00Z. Undefined for text that is not a day.
 */
export function startOfDay(day: string, timeZone: string): Date | undefined {
  return DAY.test(day) ? zonedToInstant(`${day}T00:00`, timeZone) : undefined;
}

/**
 * The instant a calendar day ends in a time zone (the next day's start): a filter's last day,
 * included. Undefined for 9999-12-31, whose next day has no four-digit year: nothing stored is
 * later (zoned-time.ts), so that filter has no end. Undefined too for text that is not a day.
 */
export function endOfDay(day: string, timeZone: string): Date | undefined {
  if (!isCalendarDay(day)) return undefined;
  const next = new Date(`${day}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  if (next.getUTCFullYear() > 9999) return undefined;
  return startOfDay(next.toISOString().slice(0, 10), timeZone);
}

/** True for a real calendar day written YYYY-MM-DD, 0001-01-01 to 9999-12-31 (not 2026-02-30). */
export function isCalendarDay(day: string): boolean {
  return startOfDay(day, "UTC") !== undefined;
}
