import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Ctx } from "../ctx.js";
import { redirects } from "../modules/redirects/index.js";

/** Paths of Kiosque's own that no old site's address is looked up for. */
const OWN = /^\/(?:admin|media|assets)(?:\/|$)/;

/**
 * Where an old address asked for now lives, for a GET or HEAD that found nothing here. The
 * newsroom's and the media's paths are Kiosque's own: never looked up.
 */
export async function oldLinkTarget(ctx: Ctx, req: FastifyRequest): Promise<string | undefined> {
  if (req.method !== "GET" && req.method !== "HEAD") return undefined;
  if (OWN.test(req.url)) return undefined;
  try {
    return await redirects.lookup(ctx, req.url);
  } catch (error) {
    // The 404 page still answers when the database does not.
    req.log.warn({ err: error }, "redirect lookup failed");
    return undefined;
  }
}

/** `?p=`, `&page_id=`…: a query naming one of WordPress's keys (redirects.QUERY_KEYS). */
const WORDPRESS_QUERY = new RegExp(`[?&](?:${redirects.QUERY_KEYS.join("|")})=[^&]`);

/**
 * WordPress's query-string links (`/?p=123`, `/index.php?page_id=2`) ask for the home page, which
 * exists: they never reach the 404 path. This hook catches them before the home route and its
 * page cache. Every other request pays one string test.
 */
export function registerOldQueryLinks(app: FastifyInstance, ctx: Ctx): void {
  app.addHook("onRequest", async (req, reply) => {
    const url = req.url;
    if (!(url.startsWith("/?") || url.startsWith("/index.php"))) return;
    if (!WORDPRESS_QUERY.test(url) && !url.startsWith("/index.php")) return;
    const target = await oldLinkTarget(ctx, req);
    if (target !== undefined) return reply.redirect(target, 301);
  });
}
