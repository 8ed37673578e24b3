import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { PageNumber, Slug } from "../../http/params.js";
import type { RouteKit } from "../../http/route-kit.js";
import { changeKeys } from "../../lib/change-keys.js";
import type { PageMeta } from "../../web/document.js";
import { feedsOf, type PageFeed } from "../../web/head-extras.js";
import type { Site } from "../../web/site.js";
import { breadcrumbsLd, organizationLd, webSiteLd } from "../../web/structured-data.js";
import { paths } from "../../web/urls.js";
import { media } from "../media/index.js";
import type { ArticleSummary, Paged } from "./model.js";
import * as service from "./service.js";
import { HomeView } from "./views/home.js";
import { ListingView } from "./views/listing.js";

const Page = Type.Object({ page: Type.Optional(PageNumber()) });

/** A listing shows these articles' titles and comment counts: it goes stale with any of them. */
const shown = (items: readonly ArticleSummary[]) => items.map((a) => changeKeys.article(a.id));

/** A listing's articles with their uploaded images, in one query for the page. */
async function withImages(
  ctx: RouteKit["ctx"],
  paged: Paged<ArticleSummary>,
): Promise<Paged<ArticleSummary>> {
  return { ...paged, items: await media.attachImages(ctx, paged.items) };
}

/** A listing's head: its description, feeds, share card and place under the home page. */
function listingMeta(
  site: Site,
  l: {
    title: string;
    description: string;
    path: string;
    trail: { name: string; path: string };
    feeds: PageFeed[];
    section?: string;
  },
): PageMeta {
  return {
    title: l.title,
    description: l.description,
    canonical: l.path,
    feeds: l.feeds,
    card: { type: "website", title: l.title, description: l.description },
    structuredData: [breadcrumbsLd(site, [l.trail])],
    section: l.section,
  };
}

/**
 * The reader's listings: home, sections, tags and authors, all through the page cache (the article
 * page, which shows comments too, is in pages/). Cache keys are built from the validated
 * parameters, so stray query strings cannot multiply entries.
 */
export function articleRoutes(app: FastifyInstance, kit: RouteKit): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = kit;

  r.get("/", { schema: { querystring: Page } }, async (req, reply) => {
    const page = req.query.page ?? 1;
    return kit.cacheable(req, reply, `home:${page}`, async () => {
      const [site, found] = await Promise.all([kit.site(), service.homePage(ctx, page)]);
      // One query for every image the page shows: the latest and each section's block.
      const shownHere = [found.latest.items, ...found.blocks.map((b) => b.articles)];
      const withImage = await media.attachImages(ctx, shownHere.flat());
      const take = (n: number) => withImage.splice(0, n);
      const home = {
        latest: { ...found.latest, items: take(found.latest.items.length) },
        blocks: found.blocks.map((b) => ({ ...b, articles: take(b.articles.length) })),
      };
      return kit.page(
        site,
        {
          title: site.name,
          description: site.description || site.t.homeDescription(site.name),
          canonical: paths.home(page),
          card: {
            type: "website",
            title: site.name,
            description: site.description || site.t.homeDescription(site.name),
          },
          structuredData: [organizationLd(site), webSiteLd(site)],
        },
        <HomeView site={site} home={home} />,
        [
          changeKeys.home,
          ...shown(home.latest.items),
          ...home.blocks.flatMap((b) => shown(b.articles)),
        ],
      );
    });
  });

  r.get("/rubrique/:slug", { schema: { params: Slug, querystring: Page } }, async (req, reply) => {
    const page = req.query.page ?? 1;
    return kit.cacheable(req, reply, `category:${req.params.slug}:${page}`, async () => {
      const [site, data] = await Promise.all([
        kit.site(),
        service.categoryPage(ctx, req.params.slug, page).then(async (d) => ({
          ...d,
          articles: await withImages(ctx, d.articles),
        })),
      ]);
      const href = (p: number) => paths.category(data.category.slug, p);
      return kit.page(
        site,
        listingMeta(site, {
          title: data.category.name,
          description: data.category.description || site.t.sectionDescription(data.category.name),
          path: href(page),
          trail: { name: data.category.name, path: href(1) },
          feeds: feedsOf(data.category.name, (f) => paths.feeds.category(data.category.slug, f)),
          section: data.category.slug,
        }),
        <ListingView
          site={site}
          title={data.category.name}
          intro={data.category.description}
          articles={data.articles}
          href={href}
        />,
        [changeKeys.category(data.category.id), ...shown(data.articles.items)],
      );
    });
  });

  r.get("/tag/:slug", { schema: { params: Slug, querystring: Page } }, async (req, reply) => {
    const page = req.query.page ?? 1;
    return kit.cacheable(req, reply, `tag:${req.params.slug}:${page}`, async () => {
      const [site, data] = await Promise.all([
        kit.site(),
        service.tagPage(ctx, req.params.slug, page).then(async (d) => ({
          ...d,
          articles: await withImages(ctx, d.articles),
        })),
      ]);
      const href = (p: number) => paths.tag(data.tag.slug, p);
      const title = site.t.tagTitle(data.tag.name);
      return kit.page(
        site,
        listingMeta(site, {
          title,
          description: site.t.tagDescription(data.tag.name),
          path: href(page),
          trail: { name: title, path: href(1) },
          feeds: feedsOf(title, (f) => paths.feeds.tag(data.tag.slug, f)),
        }),
        <ListingView site={site} title={title} articles={data.articles} href={href} />,
        [changeKeys.tag(data.tag.id), ...shown(data.articles.items)],
      );
    });
  });

  r.get("/auteur/:slug", { schema: { params: Slug, querystring: Page } }, async (req, reply) => {
    const page = req.query.page ?? 1;
    return kit.cacheable(req, reply, `author:${req.params.slug}:${page}`, async () => {
      const [site, data] = await Promise.all([
        kit.site(),
        service.authorPage(ctx, req.params.slug, page).then(async (d) => ({
          ...d,
          articles: await withImages(ctx, d.articles),
        })),
      ]);
      const href = (p: number) => paths.author(data.author.slug, p);
      const title = site.t.authorTitle(data.author.name);
      return kit.page(
        site,
        listingMeta(site, {
          title,
          description: data.author.bio || site.t.authorDescription(data.author.name),
          path: href(page),
          trail: { name: title, path: href(1) },
          feeds: feedsOf(title, (f) => paths.feeds.author(data.author.slug, f)),
        }),
        <ListingView
          site={site}
          title={title}
          intro={data.author.bio}
          articles={data.articles}
          href={href}
        />,
        [changeKeys.author(data.author.id), ...shown(data.articles.items)],
      );
    });
  });
}
