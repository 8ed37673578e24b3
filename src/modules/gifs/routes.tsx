import type { FastifyInstance, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Limiter, LimitName } from "../../http/rate-limits.js";
import type { RouteKit } from "../../http/route-kit.js";
import { sendStored } from "../../http/stored-object.js";
import { NotFound, RateLimited } from "../../lib/errors.js";
import { etagOfKey, keyOfPath, TYPE_OF_EXT } from "./keys.js";
import { previewServer } from "./previews.js";
import * as service from "./service.js";

/** Picker previews: the same for everyone, kept a day by the browser. */
const PREVIEW_CACHE = "public, max-age=86400";
/**
 * Results are everyone's, but a page of them changes within the hour (trending): browsers may
 * keep one a minute, while a reader pages back and forth.
 */
const RESULTS_CACHE = "private, max-age=60";
/**
 * Query strings are read loosely on purpose: whatever a reader types (or a script sends: a list,
 * nothing) is a search, answered with results or with none, never with an error page.
 */
const SearchQuery = Type.Object({
  q: Type.Optional(Type.Unknown()),
  pos: Type.Optional(Type.Unknown()),
});
const PreviewParams = Type.Object({
  provider: Type.String({ maxLength: 20 }),
  id: Type.String({ maxLength: 100 }),
});

const text = (v: unknown): string =>
  typeof v === "string" ? v : Array.isArray(v) && typeof v[0] === "string" ? v[0] : "";

/**
 * The picker's JSON (`/gifs/search`, `/gifs/trending`), its previews (`/gifs/preview/…`) and the
 * kept GIFs of comments (`/gifs/media/…`). The key never leaves the server: the browser asks
 * Kiosque, Kiosque asks the provider.
 */
export function gifRoutes(
  app: FastifyInstance,
  web: RouteKit,
  limits: Record<LimitName, Limiter>,
): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = web;
  const previews = previewServer(ctx);

  /** Counts a search; a client past its limit is answered from the cache alone. */
  async function limited(req: FastifyRequest): Promise<boolean> {
    try {
      await limits.gifSearch(req);
      return false;
    } catch (error) {
      if (error instanceof RateLimited) return true;
      throw error;
    }
  }

  const find = async (req: FastifyRequest, q: string, pos: string) => ({
    ok: true as const,
    ...(await service.findGifs(ctx, { q, cursor: pos || undefined, limited: await limited(req) })),
  });

  r.get("/gifs/search", { schema: { querystring: SearchQuery } }, async (req, reply) =>
    reply
      .header("cache-control", RESULTS_CACHE)
      .send(await find(req, text(req.query.q), text(req.query.pos))),
  );
  r.get("/gifs/trending", { schema: { querystring: SearchQuery } }, async (req, reply) =>
    reply.header("cache-control", RESULTS_CACHE).send(await find(req, "", text(req.query.pos))),
  );

  r.get(
    "/gifs/preview/:provider/:id",
    { schema: { params: PreviewParams } },
    async (req, reply) => {
      const { provider, id } = req.params;
      // Counted only when the provider must be asked: what memory holds costs nothing to serve.
      // Past the limit the answer is a 429, which the picker shows as a missing picture.
      const found = await previews.get(provider, id, () => limits.gifPreview(req));
      if (!found) throw new NotFound("gif", { provider, id });
      return reply.header("cache-control", PREVIEW_CACHE).type(found.type).send(found.bytes);
    },
  );

  app.get<{ Params: { "*": string } }>("/gifs/media/*", async (req, reply) => {
    const key = keyOfPath(req.params["*"]);
    if (!key) throw new NotFound("gif", {});
    return sendStored(ctx, req, reply, {
      key,
      etag: etagOfKey(key),
      type: TYPE_OF_EXT[key.slice(key.lastIndexOf(".") + 1)] ?? "application/octet-stream",
      missing: () => new NotFound("gif", { key }),
    });
  });
}
