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

/** The zone's wall clock at `ms`, read as if it were UTC (so differences give the offset). */
function wallAsUtc(ms: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of partsFormat(timeZone).formatToParts(new Date(ms)))
    if (part.type !== "literal") p[part.type] = Number(part.value);
  return Date.UTC(
    p.year ?? 0,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant a wall-clock time of `timeZone` names, or undefined for text that is not one (or
 * a date that does not exist, 31 February). In the hour skipped when clocks go forward, the time
 * is read with the offset before the change, as most calendars do.
 */
export function zonedToInstant(local: string, timeZone: string): Date | undefined {
  const m = LOCAL.exec(local);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as number[];
  const asUtc = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== mo! - 1 || check.getUTCDate() !== d! || h! > 23 || mi! > 59)
    return undefined;
  // Two passes: the offset at the first guess may differ from the one at the answer (DST).
  let guess = asUtc - (wallAsUtc(asUtc, timeZone) - asUtc);
  guess = asUtc - (wallAsUtc(guess, timeZone) - guess);
  return new Date(guess);
}

/** The wall-clock time of `timeZone` at `instant`, as a `datetime-local` field shows it. */
export function instantToZoned(instant: Date, timeZone: string): string {
  return new Date(wallAsUtc(instant.getTime(), timeZone)).toISOString().slice(0, 16);
}
