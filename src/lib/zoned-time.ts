/**
 * Wall-clock times of a time zone (what a `datetime-local` field holds, "2026-09-01T08:30") to
 * instants and back, with the platform's time-zone data (Intl): no library, no table of ours.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      // Years before 1 are written 1, 2… BC: the era tells them from 1, 2… AD.
      era: "short",
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** Date.UTC without its reading of years 0 to 99 as 1900 to 1999 (year 1 is year 1 here). */
function utc(year: number, monthIndex: number, day: number, h = 0, mi = 0, s = 0): number {
  const at = new Date(0);
  at.setUTCFullYear(year, monthIndex, day);
  return at.setUTCHours(h, mi, s, 0);
}

/** The zone's wall clock at `ms`, read as if it were UTC (so differences give the offset). */
function wallAsUtc(ms: number, timeZone: string): number {
  const p: Record<string, number> = {};
  let beforeChrist = false;
  for (const part of partsFormat(timeZone).formatToParts(new Date(ms)))
    if (part.type === "era") beforeChrist = part.value === "BC";
    else if (part.type !== "literal") p[part.type] = Number(part.value);
  const year = p.year ?? 0;
  return utc(
    beforeChrist ? 1 - year : year,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Instants are stored and compared as ISO text, which sorts as time only while the year has four
 * digits: "+010000-01-01" sorts before "2026-…" (a schedule for then was told it had passed).
 */
const FIRST_STORABLE = Date.parse("0000-01-01T00:00:00.000Z");
const LAST_STORABLE = Date.parse("9999-12-31T23:59:59.999Z");

/**
 * The instant a wall-clock time of `timeZone` names, or undefined for text that is not one (a
 * date that does not exist, 31 February; year 0000, which a date field never gives; a time
 * whose instant is past 9999 in UTC, which no column can hold in order). In the hour skipped
 * when clocks go forward, the time is read with the offset before the change, as most
 * calendars do.
 */
export function zonedToInstant(local: string, timeZone: string): Date | undefined {
  const m = LOCAL.exec(local);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as number[];
  const asUtc = utc(y!, mo! - 1, d!, h!, mi!, s!);
  const check = new Date(asUtc);
  if (y! < 1 || check.getUTCMonth() !== mo! - 1 || check.getUTCDate() !== d! || h! > 23 || mi! > 59)
    return undefined;
  // Two passes: the offset at the first guess may differ from the one at the answer (DST).
  let guess = asUtc - (wallAsUtc(asUtc, timeZone) - asUtc);
  guess = asUtc - (wallAsUtc(guess, timeZone) - guess);
  return guess < FIRST_STORABLE || guess > LAST_STORABLE ? undefined : new Date(guess);
}

/** The wall-clock time of `timeZone` at `instant`, as a `datetime-local` field shows it. */
export function instantToZoned(instant: Date, timeZone: string): string {
  return new Date(wallAsUtc(instant.getTime(), timeZone)).toISOString().slice(0, 16);
}
