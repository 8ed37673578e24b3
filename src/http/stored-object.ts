import type { FastifyReply, FastifyRequest } from "fastify";
import type { Ctx } from "../ctx.js";
import { mediaStore } from "../modules/media/index.js";
import { namesEtag } from "./if-none-match.js";

/** A key's bytes never change (media/keys.ts, gifs/keys.ts): anyone may keep them for a year. */
const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * An object of the shared store under a key that names its bytes (an upload and its variants, a
 * kept GIF), so any instance answers for any of them: a 304 to a client holding its ETag without
 * reading it; `*` names whatever exists, so only once it is found; `missing` when it is not.
 */
export async function sendStored(
  ctx: Ctx,
  req: FastifyRequest,
  reply: FastifyReply,
  object: { key: string; etag: string; type: string; missing: () => Error },
): Promise<FastifyReply> {
  const { key, etag } = object;
  reply.header("cache-control", IMMUTABLE).header("etag", etag);
  const ifNoneMatch = req.headers["if-none-match"];
  if (namesEtag(ifNoneMatch, etag, { exists: false })) return reply.status(304).send();
  const found = await mediaStore(ctx).get(key);
  if (!found) {
    reply.removeHeader("cache-control").removeHeader("etag");
    throw object.missing();
  }
  if (namesEtag(ifNoneMatch, etag)) return reply.status(304).send();
  return reply.type(object.type).send(found.bytes);
}
