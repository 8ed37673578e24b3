import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { renderArticlePage } from "../../http/pages/article-page.js";
import type { Web } from "../../http/web.js";
import { changeTags } from "../../lib/change-tags.js";
import { paths } from "../../web/site.js";
import type { ArticleSummary } from "./model.js";
import * as service from "./service.js";
import { HomeView } from "./views/home.js";
import { ListingView } from "./views/listing.js";

/**
 * A whole number from the query string. Ajv coerces "1e400" or "-Infinity" to ±Infinity, then
 * skips minimum and maximum, which only look at finite numbers (ajv-validator/ajv#2661,
 * fastify/fastify#6718); such a page number reached the handlers (a 404, a 200, a 500 from the
 * database). The `allOf` checks the type again after coercion, and refuses them: a 400.
 */
const QueryInt = (range: { minimum: number; maximum?: number }) =>
  Type.Integer({ ...range, allOf: [Type.Integer()] });

const Page = Type.Object({ page: Type.Optional(QueryInt({ minimum: 1, maximum: 100_000 })) });
const Slug = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) });
const ArticleQuery = Type.Object({
  cpage: Type.Optional(QueryInt({ minimum: 1, maximum: 100_000 })),
  replytocom: Type.Optional(QueryInt({ minimum: 1 })),
});

/** A listing shows these articles' titles and comment counts: it goes stale with any of them. */
const shown = (items: readonly ArticleSummary[]) => items.map((a) => changeTags.article(a.id));

/**
 * The reader's pages: home, sections, tags, authors and the article itself, all through the page
 * cache. Cache keys are built from the validated parameters, so stray query strings cannot
 * multiply entries.
 */
export function articleRoutes(app: FastifyInstance, web: Web): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = web;

  r.get("/", { schema: { querystring: Page } }, async (req, reply) => {
    const page = req.query.page ?? 1;
    return web.cacheable(req, reply, `home:${page}`, async () => {
      const [site, home] = await Promise.all([web.site(), service.homePage(ctx, page)]);
      return web.page(
        site,
        { title: site.name, description: site.description, canonical: paths.home(page) },
        <HomeView site={site} home={home} />,
        [
          changeTags.home,
          ...shown(home.latest.items),
          ...home.blocks.flatMap((b) => shown(b.articles)),
        ],
      );
    });
  });

  r.get("/rubrique/:slug", { schema: { params: Slug, querystring: Page } }, async (req, reply) => {
    const page = req.query.page ?? 1;
    return web.cacheable(req, reply, `category:${req.params.slug}:${page}`, async () => {
      const [site, data] = await Promise.all([
        web.site(),
        service.categoryPage(ctx, req.params.slug, page),
      ]);
      const href = (p: number) => paths.category(data.category.slug, p);
      return web.page(
        site,
        {
          title: data.category.name,
          description: data.category.description,
          canonical: href(page),
        },
        <ListingView
          site={site}
          title={data.category.name}
          intro={data.category.description}
          articles={data.articles}
          href={href}
        />,
        [changeTags.category(data.category.id), ...shown(data.articles.items)],
      );
    });
  });

  r.get("/tag/:slug", { schema: { params: Slug, querystring: Page } }, async (req, reply) => {
    const page = req.query.page ?? 1;
    return web.cacheable(req, reply, `tag:${req.params.slug}:${page}`, async () => {
      const [site, data] = await Promise.all([
        web.site(),
        service.tagPage(ctx, req.params.slug, page),
      ]);
      const href = (p: number) => paths.tag(data.tag.slug, p);
      const title = site.t.tagTitle(data.tag.name);
      return web.page(
        site,
        { title, canonical: href(page) },
        <ListingView site={site} title={title} articles={data.articles} href={href} />,
        [changeTags.tag(data.tag.id), ...shown(data.articles.items)],
      );
    });
  });

  r.get("/auteur/:slug", { schema: { params: Slug, querystring: Page } }, async (req, reply) => {
    const page = req.query.page ?? 1;
    return web.cacheable(req, reply, `author:${req.params.slug}:${page}`, async () => {
      const [site, data] = await Promise.all([
        web.site(),
        service.authorPage(ctx, req.params.slug, page),
      ]);
      const href = (p: number) => paths.author(data.author.slug, p);
      const title = site.t.authorTitle(data.author.name);
      return web.page(
        site,
        { title, description: data.author.bio, canonical: href(page) },
        <ListingView
          site={site}
          title={title}
          intro={data.author.bio}
          articles={data.articles}
          href={href}
        />,
        [changeTags.author(data.author.id), ...shown(data.articles.items)],
      );
    });
  });

  r.get(
    "/article/:slug",
    { schema: { params: Slug, querystring: ArticleQuery } },
    async (req, reply) => {
      const { cpage, replytocom } = req.query;
      const key = `article:${req.params.slug}:${cpage ?? 1}:${replytocom ?? ""}`;
      return web.cacheable(req, reply, key, () =>
        renderArticlePage(web, req, req.params.slug, {
          ...(cpage ? { commentPage: cpage } : {}),
          ...(replytocom ? { replyTo: replytocom } : {}),
        }),
      );
    },
  );
}
