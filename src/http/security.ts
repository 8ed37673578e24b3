import type { FastifyInstance, FastifyRequest } from "fastify";
import { Forbidden } from "../lib/errors.js";
import { GIPHY_MEDIA_HOSTS, KLIPY_MEDIA_HOSTS } from "../modules/gifs/index.js";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Cross-site request forgery protection without per-reader tokens, so article pages stay the same
 * for every reader (and cacheable). Browsers say where a request comes from: Sec-Fetch-Site
 * (every current browser), else Origin. A request from another site is refused; one that says
 * neither comes from no browser (curl, a feed reader) and cannot carry a victim's cookies
 * cross-site anyway. Same rule as Go 1.25's CrossOriginProtection; see docs/decisions/004.
 */
export function isCrossSite(req: FastifyRequest, publicUrl: string | undefined): boolean {
  const site = req.headers["sec-fetch-site"];
  if (typeof site === "string") return site !== "same-origin" && site !== "none";
  const origin = req.headers.origin;
  if (typeof origin !== "string") return false;
  try {
    // Both sides through the URL parser, so case and default ports compare equal.
    const from = new URL(origin);
    // Readers' browsers are on the public address, which a proxy may have swapped for an
    // internal Host on the way in.
    if (publicUrl !== undefined && from.origin === new URL(publicUrl).origin) return false;
    return from.host !== new URL(`${from.protocol}//${req.host}`).host;
  } catch {
    return true;
  }
}

/**
 * The security headers of every answer, built once. They are helmet's defaults, written out:
 * @fastify/helmet ran a chain of a dozen middlewares on every request to set these same constant
 * strings, and halved the throughput of a cached page (docs/decisions/009).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // Reader pages make no third-party requests: the GIF providers' media hosts are allowed only
  // for the picker's previews when the newsroom turns `gif.proxyMedia` off (by default Kiosque
  // serves them, and nothing points there).
  `img-src 'self' data: ${[...GIPHY_MEDIA_HOSTS, ...KLIPY_MEDIA_HOSTS].map((h) => `https://${h}`).join(" ")}`,
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join(";");

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "origin-agent-cluster": "?1",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-content-type-options": "nosniff",
  "x-dns-prefetch-control": "off",
  "x-download-options": "noopen",
  // The CSP's frame-ancestors says the same to current browsers; this, to older ones.
  "x-frame-options": "DENY",
  "x-permitted-cross-domain-policies": "none",
  // The old XSS auditor did more harm than good; "0" turns it off where it still exists.
  "x-xss-protection": "0",
};

/**
 * Two years, subdomains included: the preload list's floor. Sent only on answers that came over
 * TLS, which Kiosque knows only from a trusted proxy's X-Forwarded-Proto; over plain HTTP a
 * browser ignores it anyway, and a wrong one on a site without TLS would lock readers out.
 */
export const HSTS = "max-age=63072000; includeSubDomains";

export function registerSecurity(
  app: FastifyInstance,
  options: { trustProxy: boolean; publicUrl: string | undefined },
): void {
  // A callback hook, not an async one: it runs on every request, cache hits included.
  app.addHook("onRequest", (req, reply, done) => {
    reply.headers(SECURITY_HEADERS);
    if (options.trustProxy && req.protocol === "https")
      reply.header("strict-transport-security", HSTS);
    if (UNSAFE.has(req.method) && isCrossSite(req, options.publicUrl)) {
      done(
        new Forbidden("KIOSQUE_CROSS_ORIGIN", {
          origin: req.headers.origin,
          site: req.headers["sec-fetch-site"],
        }),
      );
      return;
    }
    done();
  });
}
