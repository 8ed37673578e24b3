import { sql, type RawBuilder } from "kysely";

/**
 * Which day a timestamp column falls on, as a SQL expression: 0 for the first day of `bounds`,
 * 1 for the next… (`bounds` are the days' starts and the end of the last, ISO text: timestamps
 * are ISO text in both engines, so text order is time order). Days of any zone, summer time
 * included, are counted by the database in one pass, with no date function of either engine.
 * Rows outside the bounds give NULL: the query keeps them out with its WHERE.
 */
export function dayOf(column: string, bounds: readonly string[]): RawBuilder<number | null> {
  const ref = sql.ref(column);
  const cases = bounds.slice(1).map((end, i) => sql`when ${ref} < ${end} then ${sql.lit(i)}`);
  return sql<number | null>`case ${sql.join(cases, sql` `)} end`;
}

/** Counts per day index, as `dayOf` groups give them, spread over every day (0 where none). */
export function perDay(
  rows: readonly { day: number | string | null; n: number | string | bigint }[],
  days: number,
): number[] {
  const counts = new Array<number>(days).fill(0);
  for (const { day, n } of rows) {
    const i = Number(day);
    if (day !== null && i >= 0 && i < days) counts[i] = Number(n);
  }
  return counts;
}
