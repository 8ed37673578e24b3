import type { FastifyReply, FastifyRequest } from "fastify";
import { encodingFor } from "./cacheable.js";
import { compress, PAGE_QUALITY } from "./page-cache.js";

/** Under this, coding costs more than it saves (the plugin's threshold in app.ts). */
const THRESHOLD = 256;

/**
 * @fastify/compress codes answers through hooks it gives each route as the route is added. An
 * answer that no route made (the 404 page of a path nothing serves, the router's refusal of a
 * broken %-escape) had none, and went out uncompressed whatever the client took. This onSend
 * hook codes those by the rule every other answer follows (`encodingFor`: `q=0` honoured).
 */
export async function compressUnrouted(
  req: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  if (req.routeOptions.url !== undefined || reply.hasHeader("content-encoding")) return payload;
  if (typeof payload !== "string" && !Buffer.isBuffer(payload)) return payload;
  const type = String(reply.getHeader("content-type") ?? "");
  if (!/^(text\/|application\/json)/.test(type)) return payload;
  reply.header("vary", "Accept-Encoding");
  const encoding = encodingFor(req.headers["accept-encoding"]);
  const bytes = Buffer.from(payload);
  if (encoding === "identity" || bytes.length < THRESHOLD) return payload;
  reply.header("content-encoding", encoding);
  reply.removeHeader("content-length");
  return compress(bytes, encoding, PAGE_QUALITY);
}
