/**
 * Calendar days in a time zone, as instants: what "per day" means to a newsroom in Paris or
 * Montréal, summer time included, whatever the server's own zone. Only Intl is used.
 */

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsIn(zone: string): Intl.DateTimeFormat {
  let f = partsFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormats.set(zone, f);
  }
  return f;
}

/** The wall-clock reading of an instant in a zone, as if it were UTC (ms). */
function wallClock(instant: number, zone: string): number {
  const p: Record<string, number> = {};
  for (const part of partsIn(zone).formatToParts(new Date(instant)))
    if (part.type !== "literal") p[part.type] = Number(part.value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

/** The zone's offset from UTC at this instant, in ms (Paris in summer: +2 h). */
const offsetAt = (instant: number, zone: string): number =>
  wallClock(instant, zone) - Math.floor(instant / 1000) * 1000;

/** The calendar date of an instant in a zone: "2026-08-30". */
export function localDate(instant: Date, zone: string): string {
  return new Date(wallClock(instant.getTime(), zone)).toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

/**
 * The first instant of a calendar day in a zone: midnight, under the offset in force then. The
 * offsets a day before and a day after are the two candidates (clocks change at most once in
 * two days); the earliest instant whose local reading is on that day or later wins. Where a zone
 * skips its midnight (clocks forward at 00:00), the day starts at the first minute that exists;
 * where midnight happens twice, at the first.
 */
export function startOfDay(date: string, zone: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  const wall = Date.UTC(y!, m! - 1, d!);
  const candidates = [wall - offsetAt(wall - DAY_MS, zone), wall - offsetAt(wall + DAY_MS, zone)];
  return new Date(Math.min(...candidates.filter((c) => wallClock(c, zone) >= wall)));
}

/** The day after a calendar date: "2026-02-28" → "2026-03-01". */
export function nextDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10);
}

/**
 * The last `count` calendar days in a zone, today included, oldest first, and their `count + 1`
 * bounds as ISO instants (the start of each day, then the start of tomorrow): what a query counts
 * rows per day between.
 */
export function lastDays(
  now: Date,
  zone: string,
  count: number,
): { dates: string[]; bounds: string[] } {
  const dates: string[] = [];
  let date = localDate(now, zone);
  for (let i = 0; i < count; i++) {
    dates.unshift(date);
    const [y, m, d] = date.split("-").map(Number);
    date = new Date(Date.UTC(y!, m! - 1, d! - 1)).toISOString().slice(0, 10);
  }
  const bounds = [...dates, nextDate(dates[dates.length - 1]!)].map((day) =>
    startOfDay(day, zone).toISOString(),
  );
  return { dates, bounds };
}
