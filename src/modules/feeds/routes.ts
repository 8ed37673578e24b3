import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Web } from "../../http/web.js";
import { articles } from "../articles/index.js";
import { paths } from "../../web/site.js";
import { rssXml } from "./rss.js";
import { sitemapXml } from "./sitemap.js";

function origin(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}

export function feedRoutes(app: FastifyInstance, web: Web): void {
  app.get("/sitemap.xml", async (req, reply) => {
    const entries = await articles.sitemapEntries(web.ctx);
    const base = origin(req);
    const categories = await articles.categories(web.ctx);
    const xml = sitemapXml([
      { loc: `${base}${paths.home()}` },
      ...categories.map((c) => ({ loc: `${base}${paths.category(c.slug)}` })),
      ...entries.map((e) => ({
        loc: `${base}${paths.article(e.slug)}`,
        lastmod: e.updated_at ?? e.published_at ?? undefined,
      })),
    ]);
    return reply.type("application/xml; charset=utf-8").send(xml);
  });

  app.get("/feed.xml", async (req, reply) => {
    const [site, items] = await Promise.all([web.site(), articles.latestForFeed(web.ctx)]);
    const xml = rssXml(
      {
        name: site.name,
        description: site.description,
        lang: site.t.lang,
        origin: origin(req),
        articleUrl: paths.article,
      },
      items,
    );
    return reply.type("application/rss+xml; charset=utf-8").send(xml);
  });
}
