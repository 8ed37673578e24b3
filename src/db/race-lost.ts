/**
 * PostgreSQL's answer when another transaction committed first what this one had checked: a
 * unique key (two people choosing one slug), a row it pointed at (a section deleted meanwhile),
 * a serialization failure or a deadlock. Each runs at READ COMMITTED, where a check made before
 * a write can be overtaken; run again, the same work sees what the other committed and refuses
 * on its field, as it would have had it come second. SQLite writes one at a time (BEGIN
 * IMMEDIATE): its constraint errors are never a lost race, and are not listed.
 */
export function isRaceLost(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "23505" || code === "23503" || code === "40001" || code === "40P01";
}

/** Runs of one write before a lost race is an error: the second sees the first's commit. */
export const WRITE_ATTEMPTS = 3;
