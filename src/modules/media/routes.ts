import type { FastifyInstance } from "fastify";
import type { RouteKit } from "../../http/route-kit.js";
import { NotFound } from "../../lib/errors.js";
import { etagOf, isObjectKey } from "./keys.js";
import { formatTypes } from "./sniff.js";
import { mediaStore } from "./storage/index.js";

/** A key's bytes never change (keys.ts): anyone may keep them for a year without asking again. */
const IMMUTABLE = "public, max-age=31536000, immutable";

/** Content-Type by a key's extension: only image types are ever served, whatever a bucket says. */
const TYPES = new Map(Object.values(formatTypes).map((f) => [f.extension, f.type]));

/** Does If-None-Match (one ETag, a list, or "*") name this one? */
function matches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag === etag || tag === `W/${etag}`;
  });
}

/**
 * `GET /media/<key>`: an image's master or a variant, from the shared store, so any instance
 * answers for any upload. Readers' browsers and any cache in between keep it for good.
 */
export function mediaRoutes(app: FastifyInstance, kit: RouteKit): void {
  app.get<{ Params: { "*": string } }>("/media/*", async (req, reply) => {
    const key = req.params["*"];
    if (!isObjectKey(key)) throw new NotFound("media", { key });
    const etag = etagOf(key);
    reply.header("cache-control", IMMUTABLE).header("etag", etag);
    // The ETag names the bytes: a client holding it holds them, nothing needs reading.
    if (matches(req.headers["if-none-match"], etag)) return reply.status(304).send();
    const found = await mediaStore(kit.ctx).get(key);
    if (!found) {
      reply.removeHeader("cache-control").removeHeader("etag");
      throw new NotFound("media", { key });
    }
    const type = TYPES.get(key.slice(key.lastIndexOf(".") + 1)) ?? "application/octet-stream";
    return reply.type(type).send(found.bytes);
  });
}
