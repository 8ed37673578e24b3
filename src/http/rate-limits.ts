import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Ctx } from "../ctx.js";
import { keyedHash } from "../lib/crypto.js";
import { RateLimited } from "../lib/errors.js";
import { gifs } from "../modules/gifs/index.js";
import { privacy } from "../modules/privacy/index.js";
import type { Settings } from "../modules/settings/index.js";
import { databaseStore } from "./rate-limit-store.js";

/**
 * What a client may do only so often. Each name has its two settings (`rateLimit.NAME.max` per
 * `rateLimit.NAME.windowSeconds`); sign-in joins here as its route lands.
 */
const LIMITS = {
  comments: { max: "rateLimit.comments.max", window: "rateLimit.comments.windowSeconds" },
  // Past it a client's GIF searches are answered from the cache only (gifs/routes.tsx).
  gifSearch: { max: "rateLimit.gifSearch.max", window: "rateLimit.gifSearch.windowSeconds" },
  // Picker previews the provider must be asked for (gifs/previews.ts), counted apart: a page of
  // them for each search allowed. Past it, a 429 (a missing picture in the picker).
  gifPreview: {
    max: "rateLimit.gifSearch.max",
    window: "rateLimit.gifSearch.windowSeconds",
    per: gifs.GIF_PAGE_SIZE,
  },
  search: { max: "rateLimit.search.max", window: "rateLimit.search.windowSeconds" },
} as const satisfies Record<
  string,
  { max: keyof Settings; window: keyof Settings; /** Attempts per unit of `max`. */ per?: number }
>;

export type LimitName = keyof typeof LIMITS;

/** Counts one attempt of this client's; throws RateLimited (with the wait) past the limit. */
export type Limiter = (req: FastifyRequest) => Promise<void>;

/**
 * Per-client counters in the database (rate-limit-store.ts), shared by every process and
 * instance. Clients are told apart by address (the trusted proxies' word for it, see
 * KIOSQUE_TRUST_PROXY), IPv6 ones by their /64 (lib/client-group.ts, which the burst rule uses
 * too). A counter's key is its limit's name over the client's hash under the day's salt (the
 * one comments keep, decision 010): the table never holds an address, nor anything an address
 * can be tested against once the day is over.
 */
export async function registerRateLimits(
  app: FastifyInstance,
  ctx: Ctx,
): Promise<Record<LimitName, Limiter>> {
  await app.register(rateLimit, { global: false, store: databaseStore(ctx) });
  const limiters = {} as Record<LimitName, Limiter>;
  // Each createRateLimit has a store of its own: the limits count apart.
  for (const [name, keys] of Object.entries(LIMITS) as [LimitName, (typeof LIMITS)[LimitName]][]) {
    // Settings change at run time (`kiosque settings set`): each attempt reads them once and
    // hands them to the plugin, which asks for the two numbers separately.
    const limitOf = new WeakMap<FastifyRequest, { max: number; windowMs: number }>();
    const check = app.createRateLimit({
      keyGenerator: async (req) =>
        keyedHash(
          ctx.secret,
          `rate-limit:${name}`,
          await privacy.hashClientAddress(ctx, req.ip, ctx.clock.now()),
        ),
      max: (req) => limitOf.get(req)?.max ?? 0,
      timeWindow: (req) => limitOf.get(req)?.windowMs ?? 1000,
    });
    limiters[name] = async (req) => {
      const settings = await ctx.settings();
      // 0 turns the limit off: nothing is counted.
      if (settings[keys.max] === 0) return;
      const max = settings[keys.max] * ("per" in keys ? keys.per : 1);
      limitOf.set(req, { max, windowMs: settings[keys.window] * 1000 });
      // A client that hung up has no address left (its socket is closed), and the store's key
      // function throws on that: a 500 that nobody reads (the fuzzer sends a POST and garbage
      // right after it, which makes Node close the socket mid-request). Stop the attempt here,
      // never carry it out uncounted; the answer goes nowhere anyway.
      if (req.ip === undefined) throw new RateLimited("KIOSQUE_RATE_LIMITED", 1);
      const result = await check(req);
      if (!result.isAllowed && result.isExceeded)
        throw new RateLimited("KIOSQUE_RATE_LIMITED", Math.max(1, result.ttlInSeconds));
    };
  }
  return limiters;
}
