import type { FastifyRequest } from "fastify";

/**
 * The origin a request was made under (scheme from a trusted proxy's X-Forwarded-Proto, host
 * from Host), normalised by the URL parser; undefined when the Host header names no host ("",
 * "a b", a port past 65535), which only a client other than a browser sends.
 */
export function requestOrigin(req: FastifyRequest): string | undefined {
  const url = URL.parse(`${req.protocol}://${req.host}`);
  return url?.protocol === "http:" || url?.protocol === "https:" ? url.origin : undefined;
}
