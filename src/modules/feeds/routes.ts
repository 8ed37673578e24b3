import type { FastifyInstance, FastifyRequest } from "fastify";
import { requestOrigin } from "../../http/origin.js";
import type { RouteKit } from "../../http/route-kit.js";
import { changeKeys } from "../../lib/change-keys.js";
import { articles } from "../articles/index.js";
import { paths } from "../../web/urls.js";
import { rssXml } from "./rss.js";
import { sitemapXml } from "./sitemap.js";

/**
 * Feeds hold absolute URLs, built on the public origin (KIOSQUE_PUBLIC_URL), else on the one they
 * were asked under. A Host header that names no host is then the client's mistake, a 400: the
 * feed library's own URL parser threw on it (a 500), and the sitemap printed it as it came.
 */
function origin(req: FastifyRequest, kit: RouteKit): string {
  const found = requestOrigin(req, kit.ctx.config);
  if (!found) throw Object.assign(new Error("the Host header names no host"), { statusCode: 400 });
  return found;
}

/** Feeds hold absolute URLs, so each origin they are asked under is cached apart. */
export function feedRoutes(app: FastifyInstance, kit: RouteKit): void {
  app.get("/sitemap.xml", async (req, reply) => {
    const base = origin(req, kit);
    return kit.cacheable(req, reply, `sitemap:${base}`, async () => {
      const [entries, categories] = await Promise.all([
        articles.sitemapEntries(kit.ctx),
        articles.categories(kit.ctx),
      ]);
      const body = sitemapXml([
        { loc: `${base}${paths.home()}` },
        ...categories.map((c) => ({ loc: `${base}${paths.category(c.slug)}` })),
        ...entries.map((e) => ({
          loc: `${base}${paths.article(e.slug)}`,
          lastmod: e.updated_at ?? e.published_at ?? undefined,
        })),
      ]);
      return { body, type: "application/xml; charset=utf-8", changeKeys: [changeKeys.sitemap] };
    });
  });

  app.get("/feed.xml", async (req, reply) => {
    const base = origin(req, kit);
    return kit.cacheable(req, reply, `feed:${base}`, async () => {
      const [site, items] = await Promise.all([kit.site(), articles.latestForFeed(kit.ctx)]);
      const body = rssXml(
        {
          name: site.name,
          description: site.description,
          lang: site.t.lang,
          origin: base,
          articleUrl: paths.article,
        },
        items,
      );
      return {
        body,
        type: "application/rss+xml; charset=utf-8",
        changeKeys: [changeKeys.feed, ...items.map((a) => changeKeys.article(a.id))],
      };
    });
  });
}
