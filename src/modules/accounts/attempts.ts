import type { Kysely } from "kysely";
import type { Tables } from "../../db/schema.js";
import type { EngineAdapter } from "../../db/engines/adapter.js";

/**
 * Counters of failed sign-ins, in the table the rate limits use (one window per key, shared by
 * every process and instance). Keys are keyed hashes: the table names no account and no client.
 */
export async function failuresOf(
  db: Kysely<Tables>,
  engine: EngineAdapter,
  key: string,
  now: number,
): Promise<{ count: number; until: number }> {
  const row = await db
    .selectFrom("rate_limits")
    .select(["hits", "expires_at"])
    .where("client", "=", key)
    .executeTakeFirst();
  if (!row || engine.toNumber(row.expires_at) <= now) return { count: 0, until: now };
  return { count: engine.toNumber(row.hits), until: engine.toNumber(row.expires_at) };
}

/** One more failure in this key's window (a window that ended starts again). */
export async function countFailure(
  db: Kysely<Tables>,
  key: string,
  now: number,
  windowMs: number,
): Promise<void> {
  await db
    .insertInto("rate_limits")
    .values({ client: key, hits: 1, expires_at: now + windowMs })
    .onConflict((oc) =>
      oc.column("client").doUpdateSet((eb) => ({
        hits: eb
          .case()
          .when("rate_limits.expires_at", "<=", now)
          .then(1)
          .else(eb("rate_limits.hits", "+", 1))
          .end(),
        expires_at: eb
          .case()
          .when("rate_limits.expires_at", "<=", now)
          .then(now + windowMs)
          .else(eb.ref("rate_limits.expires_at"))
          .end(),
      })),
    )
    .execute();
}

export async function forgetFailures(db: Kysely<Tables>, key: string): Promise<void> {
  await db.deleteFrom("rate_limits").where("client", "=", key).execute();
}

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
  limits: readonly Limit[],
  now: number,
): Promise<void> {
  for (const limit of limits) await countFailure(db, limit.key, now, limit.windowMs);
}
