import type { FastifyReply, FastifyRequest } from "fastify";
import { hasPersonalCookies } from "./reader-cookies.js";
import { preparePage, type CachedPage, type PageCache } from "./page-cache.js";

/** A page as a route renders it, before any caching. */
export interface Rendered {
  body: string;
  type: string;
  /** Change keys (lib/change-keys.ts) of everything the page shows. */
  changeKeys: readonly string[];
}

/**
 * For CDNs and browsers: shared caches may keep a page a minute and serve it stale for five while
 * they fetch a new one; browsers revalidate each time (a 304 costs a lookup here). Pages for a
 * reader with personal cookies are never shared (see README: bypass the CDN on kq_* cookies).
 */
const SHARED = "public, max-age=0, must-revalidate, s-maxage=60, stale-while-revalidate=300";
const PERSONAL = "private, no-store";

export interface CacheDeps {
  cache: PageCache | undefined;
  /**
   * Pages being rendered, by key: a burst of readers on a page nobody has yet waits for one
   * render and one compression instead of starting fifty.
   */
  rendering: Map<string, Promise<CachedPage>>;
  /** Hear other processes' writes before trusting the cache. */
  poll(): void;
}

function encodingFor(req: FastifyRequest): "br" | "gzip" | undefined {
  const accept = req.headers["accept-encoding"];
  if (typeof accept !== "string") return undefined;
  if (/\bbr\b/.test(accept)) return "br";
  if (/\bgzip\b/.test(accept)) return "gzip";
  return undefined;
}

/** A prepared body in the encoding the client takes best, or a 304 when it has this version. */
export function sendEncoded(
  req: FastifyRequest,
  reply: FastifyReply,
  page: CachedPage,
  cacheControl: string,
): FastifyReply {
  reply
    .header("content-type", page.type)
    .header("etag", page.etag)
    .header("cache-control", cacheControl)
    .header("vary", "Accept-Encoding");
  if (req.headers["if-none-match"] === page.etag) return reply.code(304).send();
  const encoding = encodingFor(req);
  if (encoding) reply.header("content-encoding", encoding);
  return reply.send(encoding === "br" ? page.br : encoding === "gzip" ? page.gzip : page.identity);
}

function sendPrepared(
  req: FastifyRequest,
  reply: FastifyReply,
  page: CachedPage,
  outcome: "hit" | "miss",
): FastifyReply {
  return sendEncoded(req, reply.header("x-kiosque-cache", outcome), page, SHARED);
}

/**
 * Serves a reader page from the page cache, rendering (and keeping) it on a miss. A reader with
 * personal bits (a pending comment, a remembered name) gets a fresh page of their own instead.
 * Only pages rendered successfully are kept: a NotFound thrown by `render` goes to the error
 * handler as usual.
 */
export async function sendCacheable(
  deps: CacheDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  key: string,
  render: () => Promise<Rendered>,
): Promise<FastifyReply> {
  if (hasPersonalCookies(req)) {
    const page = await render();
    return reply
      .header("x-kiosque-cache", "personal")
      .header("cache-control", PERSONAL)
      .type(page.type)
      .send(page.body);
  }
  const { cache } = deps;
  deps.poll();
  const hit = cache?.get(key);
  if (hit) return sendPrepared(req, reply, hit, "hit");
  let pending = deps.rendering.get(key);
  if (!pending) {
    const renderedAt = cache?.generation ?? 0;
    pending = render()
      .then((r) => preparePage(r.body, r.type, r.changeKeys))
      .then((page) => {
        cache?.set(key, page, renderedAt);
        return page;
      })
      .finally(() => deps.rendering.delete(key));
    deps.rendering.set(key, pending);
  }
  return sendPrepared(req, reply, await pending, "miss");
}
