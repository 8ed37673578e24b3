import type { Kysely } from "kysely";
import type { EngineAdapter } from "../../db/engines/adapter.js";
import type { Tables } from "../../db/schema.js";

/** A counter as it stands: its hits in the current window, and when that window ends (ms). */
export interface Window {
  hits: number;
  endsAt: number;
}

/**
 * One more hit on `key` in its fixed window; a window that ended starts again with this hit.
 * One statement, atomic on both engines (SQLite 3.35's ON CONFLICT … RETURNING, PostgreSQL's row
 * lock), the same SQL for each: every process and instance counts together.
 */
export async function hit(
  db: Kysely<Tables>,
  engine: EngineAdapter,
  key: string,
  now: number,
  windowMs: number,
): Promise<Window> {
  const row = await db
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
    .returning(["hits", "expires_at"])
    .executeTakeFirstOrThrow();
  return { hits: engine.toNumber(row.hits), endsAt: engine.toNumber(row.expires_at) };
}

/** The counter's current window without counting; none (0 hits) once it ended. */
export async function read(
  db: Kysely<Tables>,
  engine: EngineAdapter,
  key: string,
  now: number,
): Promise<Window> {
  const row = await db
    .selectFrom("rate_limits")
    .select(["hits", "expires_at"])
    .where("client", "=", key)
    .executeTakeFirst();
  if (!row || engine.toNumber(row.expires_at) <= now) return { hits: 0, endsAt: now };
  return { hits: engine.toNumber(row.hits), endsAt: engine.toNumber(row.expires_at) };
}

export async function forget(db: Kysely<Tables>, key: string): Promise<void> {
  await db.deleteFrom("rate_limits").where("client", "=", key).execute();
}

/** Deletes the windows that ended. */
export async function prune(db: Kysely<Tables>, now: number): Promise<void> {
  await db.deleteFrom("rate_limits").where("expires_at", "<=", now).execute();
}
