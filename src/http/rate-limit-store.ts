import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from "@fastify/rate-limit";
import type { Ctx } from "../ctx.js";

/** Expired windows are deleted at most this often per process: a statement a minute, not one a post. */
const PRUNE_EVERY_MS = 60_000;

interface Window {
  current: number;
  ttl: number;
}

/**
 * @fastify/rate-limit's counters in the database (its documented custom `store`), so that every
 * process of a machine and every instance of a site count one client together: the limit is the
 * setting, however many processes a client's requests reach. A fixed window per key, as the
 * plugin's own stores keep it. The upsert (one statement, atomic on both engines: SQLite 3.35's
 * ON CONFLICT … RETURNING, PostgreSQL's row lock) is the same SQL for SQLite and PostgreSQL.
 */
export function databaseStore(ctx: Ctx): FastifyRateLimitStoreCtor {
  let prunedAt = 0;

  async function hit(key: string, windowMs: number): Promise<Window> {
    const now = ctx.clock.now().getTime();
    if (now - prunedAt >= PRUNE_EVERY_MS) {
      prunedAt = now;
      await ctx.db.deleteFrom("rate_limits").where("expires_at", "<=", now).execute();
    }
    const row = await ctx.db
      .insertInto("rate_limits")
      .values({ client: key, hits: 1, expires_at: now + windowMs })
      .onConflict((oc) =>
        oc.column("client").doUpdateSet((eb) => ({
          // A window that ended starts again with this hit.
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
    return {
      current: ctx.engine.toNumber(row.hits),
      ttl: Math.max(0, ctx.engine.toNumber(row.expires_at) - now),
    };
  }

  class DatabaseStore implements FastifyRateLimitStore {
    incr(
      key: string,
      callback: (error: Error | null, result?: Window) => void,
      timeWindow: number,
    ): void {
      hit(key, timeWindow).then(
        (window) => callback(null, window),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }
    // Every limit shares the one table; their keys carry the limit's name.
    child(): FastifyRateLimitStore {
      return this;
    }
  }
  return DatabaseStore;
}
