import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { sendArticlePage } from "../../http/pages/article-page.js";
import type { Web } from "../../http/web.js";
import { paths } from "../../web/site.js";
import * as service from "./service.js";
import { HomeView } from "./views/home.js";
import { ListingView } from "./views/listing.js";

const Page = Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })) });
const Slug = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) });
const ArticleQuery = Type.Object({
  cpage: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  replytocom: Type.Optional(Type.Integer({ minimum: 1 })),
});

/** The reader's pages: home, sections, tags, authors and the article itself. */
export function articleRoutes(app: FastifyInstance, web: Web): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = web;

  r.get("/", { schema: { querystring: Page } }, async (req, reply) => {
    const page = req.query.page ?? 1;
    const [site, home] = await Promise.all([web.site(), service.homePage(ctx, page)]);
    return web.sendPage(
      reply,
      site,
      { title: site.name, description: site.description, canonical: paths.home(page) },
      <HomeView site={site} home={home} />,
    );
  });

  r.get("/rubrique/:slug", { schema: { params: Slug, querystring: Page } }, async (req, reply) => {
    const page = req.query.page ?? 1;
    const [site, data] = await Promise.all([
      web.site(),
      service.categoryPage(ctx, req.params.slug, page),
    ]);
    const href = (p: number) => paths.category(data.category.slug, p);
    return web.sendPage(
      reply,
      site,
      { title: data.category.name, description: data.category.description, canonical: href(page) },
      <ListingView
        site={site}
        title={data.category.name}
        intro={data.category.description}
        articles={data.articles}
        href={href}
      />,
    );
  });

  r.get("/tag/:slug", { schema: { params: Slug, querystring: Page } }, async (req, reply) => {
    const page = req.query.page ?? 1;
    const [site, data] = await Promise.all([
      web.site(),
      service.tagPage(ctx, req.params.slug, page),
    ]);
    const href = (p: number) => paths.tag(data.tag.slug, p);
    const title = site.t.tagTitle(data.tag.name);
    return web.sendPage(
      reply,
      site,
      { title, canonical: href(page) },
      <ListingView site={site} title={title} articles={data.articles} href={href} />,
    );
  });

  r.get("/auteur/:slug", { schema: { params: Slug, querystring: Page } }, async (req, reply) => {
    const page = req.query.page ?? 1;
    const [site, data] = await Promise.all([
      web.site(),
      service.authorPage(ctx, req.params.slug, page),
    ]);
    const href = (p: number) => paths.author(data.author.slug, p);
    const title = site.t.authorTitle(data.author.name);
    return web.sendPage(
      reply,
      site,
      { title, description: data.author.bio, canonical: href(page) },
      <ListingView
        site={site}
        title={title}
        intro={data.author.bio}
        articles={data.articles}
        href={href}
      />,
    );
  });

  r.get(
    "/article/:slug",
    { schema: { params: Slug, querystring: ArticleQuery } },
    async (req, reply) =>
      sendArticlePage(web, req, reply, req.params.slug, {
        ...(req.query.cpage ? { commentPage: req.query.cpage } : {}),
        ...(req.query.replytocom ? { replyTo: req.query.replytocom } : {}),
      }),
  );
}
