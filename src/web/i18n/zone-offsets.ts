const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** UTC days whose offset is kept: emptied when full, so that any dates at all keep it bounded. */
const DAYS_KEPT = 4096;
const MAX_OFFSET_MS = 18 * 3_600_000;

/** A moment as a zone's clock shows it: its local day (days since 1970-01-01) and minute. */
export interface LocalMoment {
  day: number;
  minute: number;
}

/**
 * A zone's clock read without asking ICU for every moment. A zone's offset is read once per UTC
 * day, at the day's first and last minute; a day whose two ends differ (a change of offset in
 * it) is left to ICU, moment by moment (`undefined`). Zones change offset at most once a day.
 */
export function zoneOffsets(timeZone: string): (ms: number) => LocalMoment | undefined {
  const clock = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  const offsetAt = (ms: number) => {
    const at = Math.floor(ms / 1000) * 1000;
    const n: Record<string, number> = {};
    for (const p of clock.formatToParts(at)) if (p.type !== "literal") n[p.type] = Number(p.value);
    const local = Date.UTC(n.year!, n.month! - 1, n.day!, n.hour!, n.minute!, n.second!);
    return local - at;
  };
  const offsets = new Map<number, number | null>();
  return (ms) => {
    if (!Number.isFinite(ms)) return undefined;
    const utcDay = Math.floor(ms / DAY_MS);
    let offset = offsets.get(utcDay);
    if (offset === undefined) {
      const first = offsetAt(utcDay * DAY_MS);
      const kept = first === offsetAt((utcDay + 1) * DAY_MS - MINUTE_MS);
      // Beyond any zone's offset: a year Date.UTC reads otherwise (before 100), left to ICU.
      offset = kept && Math.abs(first) <= MAX_OFFSET_MS ? first : null;
      if (offsets.size >= DAYS_KEPT) offsets.clear();
      offsets.set(utcDay, offset);
    }
    if (offset === null) return undefined;
    const local = ms + offset;
    return {
      day: Math.floor(local / DAY_MS),
      minute: Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS),
    };
  };
}
