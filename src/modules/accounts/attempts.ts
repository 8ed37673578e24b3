import type { Kysely } from "kysely";
import { counters } from "../counters/index.js";
import type { Tables } from "../../db/schema.js";
import type { EngineAdapter } from "../../db/engines/adapter.js";

/**
 * Failed sign-ins and codes, counted with the shared windowed counters (keys are keyed hashes:
 * the table names no account and no client).
 */
async function failuresOf(
  db: Kysely<Tables>,
  engine: EngineAdapter,
  key: string,
  now: number,
): Promise<{ count: number; until: number }> {
  const window = await counters.read(db, engine, key, now);
  return { count: window.hits, until: window.endsAt };
}

export const forgetFailures = counters.forget;

/** One counter of failures: its keyed-hash key, how many it allows, over what window. */
export interface Limit {
  key: string;
  max: number;
  windowMs: number;
}

/** The earliest wait, in seconds, among limits already reached; undefined when none is. */
export async function waitFor(
  db: Kysely<Tables>,
  engine: EngineAdapter,
  limits: readonly Limit[],
  now: number,
): Promise<number | undefined> {
  for (const limit of limits) {
    const { count, until } = await failuresOf(db, engine, limit.key, now);
    if (count >= limit.max) return Math.ceil((until - now) / 1000);
  }
  return undefined;
}

/** One more failure on each of these counters. */
export async function countFailures(
  db: Kysely<Tables>,
  engine: EngineAdapter,
  limits: readonly Limit[],
  now: number,
): Promise<void> {
  for (const limit of limits) await counters.hit(db, engine, limit.key, now, limit.windowMs);
}
