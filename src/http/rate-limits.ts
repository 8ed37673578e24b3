import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Ctx } from "../ctx.js";
import { RateLimited } from "../lib/errors.js";
import type { Settings } from "../modules/settings/index.js";

/**
 * What a client may do only so often. Each name has its two settings (`rateLimit.NAME.max` per
 * `rateLimit.NAME.windowSeconds`); sign-in, search and GIF search join here as their routes land.
 */
const LIMITS = {
  comments: { max: "rateLimit.comments.max", window: "rateLimit.comments.windowSeconds" },
} as const satisfies Record<string, { max: keyof Settings; window: keyof Settings }>;

export type LimitName = keyof typeof LIMITS;

/** Counts one attempt of this client's; throws RateLimited (with the wait) past the limit. */
export type Limiter = (req: FastifyRequest) => Promise<void>;

/**
 * Per-client counters in this process's memory (@fastify/rate-limit's store, an LRU of 10,000
 * clients). Clients are told apart by address (the proxy's word for it with KIOSQUE_TRUST_PROXY),
 * IPv6 ones by their /64, since one household gets a whole /64. With several instances each
 * counts alone: the effective limit is the setting times the instances a client reaches.
 */
export async function registerRateLimits(
  app: FastifyInstance,
  ctx: Ctx,
): Promise<Record<LimitName, Limiter>> {
  await app.register(rateLimit, { global: false, cache: 10_000, ipv6Subnet: 64 });
  const limiters = {} as Record<LimitName, Limiter>;
  // Each createRateLimit has a store of its own: the limits count apart.
  for (const [name, keys] of Object.entries(LIMITS) as [LimitName, (typeof LIMITS)[LimitName]][]) {
    // Settings change at run time (`kiosque settings set`): each attempt reads them once and
    // hands them to the plugin, which asks for the two numbers separately.
    const limitOf = new WeakMap<FastifyRequest, { max: number; windowMs: number }>();
    const check = app.createRateLimit({
      max: (req) => limitOf.get(req)?.max ?? 0,
      timeWindow: (req) => limitOf.get(req)?.windowMs ?? 1000,
    });
    limiters[name] = async (req) => {
      const settings = await ctx.settings();
      // 0 turns the limit off: nothing is counted.
      if (settings[keys.max] === 0) return;
      limitOf.set(req, { max: settings[keys.max], windowMs: settings[keys.window] * 1000 });
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
