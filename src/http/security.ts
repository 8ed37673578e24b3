import helmet from "@fastify/helmet";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { Forbidden } from "../lib/errors.js";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Cross-site request forgery protection without per-reader tokens, so article pages stay the same
 * for every reader (and cacheable). Browsers say where a request comes from: Sec-Fetch-Site
 * (every current browser), else Origin. A request from another site is refused; one that says
 * neither comes from no browser (curl, a feed reader) and cannot carry a victim's cookies
 * cross-site anyway. Same rule as Go 1.25's CrossOriginProtection; see docs/decisions/004.
 */
export function isCrossSite(req: FastifyRequest): boolean {
  const site = req.headers["sec-fetch-site"];
  if (typeof site === "string") return site !== "same-origin" && site !== "none";
  const origin = req.headers.origin;
  if (typeof origin !== "string") return false;
  try {
    // Both sides through the URL parser, so case and default ports compare equal.
    const from = new URL(origin);
    return from.host !== new URL(`${from.protocol}//${req.host}`).host;
  } catch {
    return true;
  }
}

export async function registerSecurity(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // Reader pages make no third-party requests.
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // HSTS only makes sense behind TLS, which the reverse proxy terminates (a later setting).
    strictTransportSecurity: false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
  });
  app.addHook("onRequest", async (req) => {
    if (UNSAFE.has(req.method) && isCrossSite(req)) {
      throw new Forbidden("KIOSQUE_CROSS_ORIGIN", {
        origin: req.headers.origin,
        site: req.headers["sec-fetch-site"],
      });
    }
  });
}
