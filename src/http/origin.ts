import type { FastifyRequest } from "fastify";
import type { Config } from "../config/index.js";

/**
 * The origin every absolute link of the site is built on (feeds, sitemap, canonical links, links
 * sent out): KIOSQUE_PUBLIC_URL when set, whatever Host the request named. Unset, the origin the
 * request was made under (scheme from a trusted proxy's X-Forwarded-Proto, host from Host),
 * normalised by the URL parser; undefined when the Host header names no host ("", "a b", a port
 * past 65535), which only a client other than a browser sends.
 */
export function requestOrigin(
  req: FastifyRequest,
  config: Pick<Config, "publicUrl">,
): string | undefined {
  if (config.publicUrl !== undefined) return config.publicUrl;
  const url = URL.parse(`${req.protocol}://${req.host}`);
  return url?.protocol === "http:" || url?.protocol === "https:" ? url.origin : undefined;
}

/**
 * A page's canonical link: absolute on the public origin when one is set, so that a page fetched
 * under another Host (an IP, a proxy's internal name) still names its one address; else the path,
 * which a browser resolves against the page itself.
 */
export function canonicalLink(path: string, config: Pick<Config, "publicUrl">): string {
  return config.publicUrl === undefined ? path : `${config.publicUrl}${path}`;
}
