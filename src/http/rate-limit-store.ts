import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from "@fastify/rate-limit";
import type { Ctx } from "../ctx.js";
import { counters } from "../modules/counters/index.js";

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
 * plugin's own stores keep it (modules/counters: one atomic statement, the same on both engines).
 */
export function databaseStore(ctx: Ctx): FastifyRateLimitStoreCtor {
  let prunedAt = 0;

  async function hit(key: string, windowMs: number): Promise<Window> {
    const now = ctx.clock.now().getTime();
    if (now - prunedAt >= PRUNE_EVERY_MS) {
      prunedAt = now;
      await counters.prune(ctx.db, now);
    }
    const window = await counters.hit(ctx.db, ctx.engine, key, now, windowMs);
    return { current: window.hits, ttl: Math.max(0, window.endsAt - now) };
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
