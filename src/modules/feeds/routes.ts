import { Type } from "@sinclair/typebox";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Slug } from "../../http/params.js";
import { requestOrigin } from "../../http/origin.js";
import type { Rendered } from "../../http/cacheable.js";
import type { RouteKit } from "../../http/route-kit.js";
import { changeKeys } from "../../lib/change-keys.js";
import { articles, type FeedScope, type ScopeKind } from "../articles/index.js";
import { comments } from "../comments/index.js";
import { media } from "../media/index.js";
import { paths, type FeedFormat } from "../../web/urls.js";
import { feedDocument, feedFormats, feedTypes } from "./feed-document.js";
import { articleEntry, commentEntry, newest } from "./entries.js";
import { robotsTxt } from "./robots.js";
import { sitemapIndexXml, sitemapXml, type SitemapEntry } from "./sitemap.js";

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

const XML = "application/xml; charset=utf-8";

/**
 * A feed's Last-Modified: when its answer was made, after every change it shows. Its newest
 * entry's date went backwards when that entry was unpublished or its comment trashed, and a
 * reader asking "modified since" that date got a 304 and kept the withdrawn item for good. The
 * answer's pages drop with each change (change keys), so this moves forward with them.
 */
const renderedAt = (ctx: RouteKit["ctx"]): Date => ctx.clock.now();

/** A listing's pages and feeds, by the kind of its subject. */
const listings: Record<
  Exclude<ScopeKind, "site">,
  { prefix: string; key: (id: number) => string }
> = {
  section: { prefix: "rubrique", key: changeKeys.category },
  tag: { prefix: "tag", key: changeKeys.tag },
  author: { prefix: "auteur", key: changeKeys.author },
};

function scopePaths(scope: Pick<FeedScope, "kind" | "slug">) {
  switch (scope.kind) {
    case "section":
      return {
        html: paths.category(scope.slug),
        feed: (f: FeedFormat) => paths.feeds.category(scope.slug, f),
      };
    case "tag":
      return {
        html: paths.tag(scope.slug),
        feed: (f: FeedFormat) => paths.feeds.tag(scope.slug, f),
      };
    case "author":
      return {
        html: paths.author(scope.slug),
        feed: (f: FeedFormat) => paths.feeds.author(scope.slug, f),
      };
    default:
      return { html: paths.home(), feed: (f: FeedFormat) => paths.feeds.site(f) };
  }
}

const SITE_SCOPE: FeedScope = { kind: "site", id: 0, slug: "", name: "", description: "" };

/**
 * Feeds (RSS 2.0, Atom, JSON Feed) of the site, each section, tag and byline, and of each
 * article's comments; the sitemap index and its sitemaps; robots.txt. All through the page cache,
 * each origin they are asked under apart (they hold absolute URLs); every answer has an ETag, and
 * feeds a Last-Modified, for conditional GETs.
 */
export function feedRoutes(app: FastifyInstance, kit: RouteKit): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = kit;

  async function feedOf(base: string, scope: FeedScope, format: FeedFormat): Promise<Rendered> {
    const [site, settings] = await Promise.all([kit.site(), ctx.settings()]);
    const items = await media.attachImages(
      ctx,
      await articles.latestForFeed(ctx, scope, settings["feeds.fullText"]),
    );
    const where = scopePaths(scope);
    const title =
      scope.kind === "site"
        ? site.name
        : `${scope.kind === "tag" ? site.t.tagTitle(scope.name) : scope.kind === "author" ? site.t.authorTitle(scope.name) : scope.name} – ${site.name}`;
    const updated = newest(items.map((i) => i.updatedAt ?? i.publishedAt));
    const body = feedDocument(
      format,
      {
        title,
        description: scope.description || site.description || site.name,
        lang: site.t.lang,
        htmlUrl: `${base}${where.html}`,
        selfUrls: {
          rss: `${base}${where.feed("rss")}`,
          atom: `${base}${where.feed("atom")}`,
          json: `${base}${where.feed("json")}`,
        },
        updated,
      },
      items.map((a) => articleEntry(base, a)),
    );
    return {
      body,
      type: feedTypes[format],
      lastModified: renderedAt(ctx),
      changeKeys: [
        scope.kind === "site" ? changeKeys.feed : listings[scope.kind].key(scope.id),
        ...items.map((a) => changeKeys.article(a.id)),
      ],
    };
  }

  for (const format of feedFormats) {
    r.get(paths.feeds.site(format), async (req, reply) => {
      const base = origin(req, kit);
      return kit.cacheableOn(base, req, reply, `feed:${format}:${base}`, () =>
        feedOf(base, SITE_SCOPE, format),
      );
    });
    for (const [kind, listing] of Object.entries(listings) as [
      Exclude<ScopeKind, "site">,
      (typeof listings)[keyof typeof listings],
    ][]) {
      const file = paths.feeds.site(format).slice(1);
      r.get(
        `/${listing.prefix}/:slug/${file}`,
        { schema: { params: Slug } },
        async (req, reply) => {
          const base = origin(req, kit);
          const key = `feed:${format}:${kind}:${req.params.slug}:${base}`;
          return kit.cacheableOn(base, req, reply, key, async () =>
            feedOf(base, await articles.feedScope(ctx, kind, req.params.slug), format),
          );
        },
      );
    }
  }

  r.get(
    "/article/:slug/feed.xml",
    { schema: { params: Slug } },
    async (req: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply) => {
      const base = origin(req, kit);
      return kit.cacheableOn(
        base,
        req,
        reply,
        `comments-feed:${req.params.slug}:${base}`,
        async () => {
          const [site, article] = await Promise.all([
            kit.site(),
            articles.publishedArticle(ctx, req.params.slug),
          ]);
          const list = await comments.latestForFeed(ctx, article.id);
          const articleUrl = `${base}${paths.article(article.slug)}`;
          const updated = newest(list.map((c) => c.createdAt));
          const body = feedDocument(
            "rss",
            {
              title: site.t.feeds.commentsTitle(article.title),
              description: article.standfirst || article.title,
              lang: site.t.lang,
              htmlUrl: articleUrl,
              selfUrls: {
                rss: `${base}${paths.feeds.comments(article.slug)}`,
                atom: `${base}${paths.feeds.comments(article.slug)}`,
                json: `${base}${paths.feeds.comments(article.slug)}`,
              },
              updated,
            },
            list.map((c) => commentEntry(base, article.slug, article.title, c, site.t)),
          );
          return {
            body,
            type: feedTypes.rss,
            lastModified: renderedAt(ctx),
            changeKeys: [changeKeys.article(article.id)],
          };
        },
      );
    },
  );

  // Search engines: the index names every sitemap; articles come in slices of SITEMAP_SIZE.
  r.get(paths.sitemaps.index, async (req, reply) => {
    const base = origin(req, kit);
    return kit.cacheableOn(base, req, reply, `sitemap:${base}`, async () => {
      const count = await articles.sitemapCount(ctx);
      const slices = Math.max(1, Math.ceil(count / articles.SITEMAP_SIZE));
      const body = sitemapIndexXml([
        { loc: `${base}${paths.sitemaps.sections}` },
        ...Array.from({ length: slices }, (_, i) => ({
          loc: `${base}${paths.sitemaps.articles(i + 1)}`,
        })),
        { loc: `${base}${paths.sitemaps.tags}` },
        { loc: `${base}${paths.sitemaps.authors}` },
        { loc: `${base}${paths.sitemaps.news}` },
      ]);
      return { body, type: XML, changeKeys: [changeKeys.sitemap] };
    });
  });

  const Slice = Type.Object({ n: Type.String({ pattern: "^[1-9][0-9]{0,5}$" }) });
  r.get("/sitemaps/articles-:n.xml", { schema: { params: Slice } }, async (req, reply) => {
    const base = origin(req, kit);
    const page = Number(req.params.n);
    return kit.cacheableOn(base, req, reply, `sitemap:articles:${page}:${base}`, async () => {
      const rows = await articles.sitemapSlice(ctx, page);
      if (rows.length === 0 && page > 1) return { moved: paths.sitemaps.index };
      const shown = await media.attachImages(ctx, rows);
      const body = sitemapXml(
        shown.map((a) => ({
          loc: `${base}${paths.article(a.slug)}`,
          lastmod: a.lastChange,
          images: [a.image?.src ?? a.imageUrl]
            .filter((u): u is string => !!u)
            .map((u) => (u.startsWith("/") ? `${base}${u}` : u)),
        })),
      );
      return { body, type: XML, changeKeys: [changeKeys.sitemap] };
    });
  });

  r.get(paths.sitemaps.news, async (req, reply) => {
    const base = origin(req, kit);
    return kit.cacheableOn(base, req, reply, `sitemap:news:${base}`, async () => {
      const [site, rows] = await Promise.all([kit.site(), articles.newsSitemap(ctx)]);
      const body = sitemapXml(
        rows.map((a) => ({
          loc: `${base}${paths.article(a.slug)}`,
          news: {
            publication: site.name,
            language: a.language ?? site.t.lang,
            published: a.publishedAt,
            title: a.title,
          },
        })),
      );
      return { body, type: XML, changeKeys: [changeKeys.sitemap] };
    });
  });

  const listingSitemap = (
    path: string,
    pick: (l: Awaited<ReturnType<typeof articles.listingsLastChange>>) => SitemapEntry[],
    name: string,
  ) =>
    r.get(path, async (req, reply) => {
      const base = origin(req, kit);
      return kit.cacheableOn(base, req, reply, `sitemap:${name}:${base}`, async () => {
        const entries = pick(await articles.listingsLastChange(ctx)).map((e) => ({
          ...e,
          loc: `${base}${e.loc}`,
        }));
        return { body: sitemapXml(entries), type: XML, changeKeys: [changeKeys.sitemap] };
      });
    });
  listingSitemap(
    paths.sitemaps.sections,
    (l) => [
      { loc: paths.home(), lastmod: newest(l.sections.map((s) => s.last ?? ""))?.toISOString() },
      ...l.sections.map((s) => ({ loc: paths.category(s.slug), lastmod: s.last })),
    ],
    "sections",
  );
  listingSitemap(
    paths.sitemaps.tags,
    (l) => l.tags.map((t) => ({ loc: paths.tag(t.slug), lastmod: t.last })),
    "tags",
  );
  listingSitemap(
    paths.sitemaps.authors,
    (l) => l.authors.map((a) => ({ loc: paths.author(a.slug), lastmod: a.last })),
    "authors",
  );

  r.get(paths.sitemaps.robots, async (req, reply) => {
    const base = origin(req, kit);
    return kit.cacheableOn(base, req, reply, `robots:${base}`, async () => ({
      body: robotsTxt(base),
      type: "text/plain; charset=utf-8",
      changeKeys: [],
    }));
  });
}
