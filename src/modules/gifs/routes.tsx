import type { FastifyInstance, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Limiter } from "../../http/rate-limits.js";
import type { RouteKit } from "../../http/route-kit.js";
import { sendStored } from "../../http/stored-object.js";
import { NotFound, RateLimited } from "../../lib/errors.js";
import { etagOfKey, keyOfPath, TYPE_OF_EXT } from "./keys.js";
import * as service from "./service.js";

/** Picker previews: the same for everyone, kept a day by the browser. */
const PREVIEW_CACHE = "public, max-age=86400";
/**
 * Results are everyone's, but a page of them changes within the hour (trending): browsers may
 * keep one a minute, while a reader pages back and forth.
 */
const RESULTS_CACHE = "private, max-age=60";
/** Previews kept in this process's memory, at most: a picker's few pages for its readers. */
const PREVIEW_MEMORY_BYTES = 16 * 1024 * 1024;

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

/** A small memory of previews by their URL path, oldest dropped first past the byte bound. */
function previewMemory() {
  const kept = new Map<string, { bytes: Buffer; type: string }>();
  let total = 0;
  return {
    get: (key: string) => kept.get(key),
    set(key: string, value: { bytes: Buffer; type: string }) {
      if (value.bytes.length > PREVIEW_MEMORY_BYTES / 8 || kept.has(key)) return;
      kept.set(key, value);
      total += value.bytes.length;
      for (const [k, v] of kept) {
        if (total <= PREVIEW_MEMORY_BYTES) break;
        kept.delete(k);
        total -= v.bytes.length;
      }
    },
  };
}

/**
 * The picker's JSON (`/gifs/search`, `/gifs/trending`), its previews (`/gifs/preview/…`) and the
 * kept GIFs of comments (`/gifs/media/…`). The key never leaves the server: the browser asks
 * Kiosque, Kiosque asks the provider.
 */
export function gifRoutes(app: FastifyInstance, web: RouteKit, limit: Limiter): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = web;
  const previews = previewMemory();

  /** Counts a search; a client past its limit is answered from the cache alone. */
  async function limited(req: FastifyRequest): Promise<boolean> {
    try {
      await limit(req);
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
      const key = `${provider}/${id}`;
      // The memory answers only while this provider's previews are still Kiosque's to serve.
      const found = (await service.previewsServed(ctx, provider))
        ? (previews.get(key) ?? (await service.previewOf(ctx, provider, id)))
        : undefined;
      if (!found) throw new NotFound("gif", { provider, id });
      previews.set(key, found);
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
