import type { FastifyReply, FastifyRequest } from "fastify";
import type { ComponentChildren } from "preact";
import type { Ctx } from "../ctx.js";
import { sitePages } from "../modules/pages/index.js";
import { articles } from "../modules/articles/index.js";
import { media, type MediaItem } from "../modules/media/index.js";
import { defaults, type Settings } from "../modules/settings/index.js";
import { renderPage, type PageMeta } from "../web/document.js";
import { formatter } from "../web/i18n/format.js";
import { messages } from "../web/i18n/index.js";
import type { AssetUrls, Site } from "../web/site.js";
import { sendCacheable, type CacheDeps, type Moved, type Rendered } from "./cacheable.js";
import { canonicalLink } from "./origin.js";
import { readerState } from "./reader-cookies.js";
import { weightedList } from "./weighted-list.js";

/**
 * What every route handler is handed (app.ts makes one): the service context, and how to dress a
 * body as a page of this site, through the page cache or not.
 */
export interface RouteKit {
  readonly ctx: Ctx;
  readonly assets: AssetUrls;
  site(): Promise<Site>;
  /** Told every change (app.ts): the site's chrome it keeps is read again after any. */
  changed(keys: readonly string[]): void;
  /** A site built from defaults alone, for error pages when the database itself is failing. */
  fallbackSite(): Site;
  sendPage(
    reply: FastifyReply,
    site: Site,
    meta: PageMeta,
    body: ComponentChildren,
    status?: number,
  ): FastifyReply;
  wantsJson(req: FastifyRequest): boolean;
  /**
   * A reader page through the page cache (http/cacheable.ts). `kept: false` answers it as one
   * and keeps it nowhere: a variant there is one of per published comment (`replytocom`), which
   * anyone may ask for by the thousand to push the real pages out.
   */
  cacheable(
    req: FastifyRequest,
    reply: FastifyReply,
    key: string,
    render: () => Promise<Rendered | Moved>,
    kept?: boolean,
  ): Promise<FastifyReply>;
  /**
   * As `cacheable`, for an answer built on the request's origin `base` (its absolute links): kept
   * under the public origin, or, when none is set, under the first few origins a process is asked
   * under (the site's name, its address, localhost). Any other is answered and kept nowhere: a
   * made-up Host header would otherwise be one more entry, as many as anyone cares to send.
   */
  cacheableOn(
    base: string,
    req: FastifyRequest,
    reply: FastifyReply,
    key: string,
    render: () => Promise<Rendered | Moved>,
  ): Promise<FastifyReply>;
  /** A whole HTML page of this site, as cacheable output, stale when one of `changeKeys` changes. */
  page(
    site: Site,
    meta: PageMeta,
    body: ComponentChildren,
    changeKeys: readonly string[],
  ): Rendered;
}

export const HTML = "text/html; charset=utf-8";

function siteFrom(
  ctx: Ctx,
  settings: Settings,
  categories: Site["categories"],
  assets: AssetUrls,
  logo: MediaItem | undefined,
  footerLinks: Site["footerLinks"] = [],
): Site {
  const t = messages(settings["site.locale"]);
  return {
    name: settings["site.name"],
    description: settings["site.description"],
    logo,
    t,
    fmt: formatter(t, settings["site.timezone"]),
    categories,
    footerLinks,
    assets,
    publicUrl: ctx.config.publicUrl,
    canonical: (path) => canonicalLink(path, ctx.config),
  };
}

/** Origins a process keeps answers for when no public origin is set (see cacheableOn). */
const KEPT_ORIGINS = 4;

export function createRouteKit(ctx: Ctx, assets: AssetUrls, cache: CacheDeps): RouteKit {
  const origins = new Set<string>();
  const keptOrigin = (base: string) => {
    if (ctx.config.publicUrl !== undefined || origins.has(base)) return true;
    if (origins.size >= KEPT_ORIGINS) return false;
    origins.add(base);
    return true;
  };
  // The site's chrome (settings, sections, logo, footer pages) is read once and kept until the
  // next change of any kind, from this process or another (cache.poll() hears those first): a
  // render after a write reads it again, and a run of misses (a crawler) does not, nor does each
  // cached page keep a copy of its own through its `personalize`.
  let site: Promise<Site> | undefined;
  async function readSite(): Promise<Site> {
    const [settings, categories, links] = await Promise.all([
      ctx.settings(),
      articles.categories(ctx),
      sitePages.footerLinks(ctx),
    ]);
    const logo = await media.logoOf(ctx, settings);
    return siteFrom(ctx, settings, categories, assets, logo, links);
  }
  return {
    ctx,
    assets,
    site() {
      cache.poll();
      if (!site) {
        const loading = readSite();
        site = loading;
        loading.catch(() => {
          if (site === loading) site = undefined;
        });
      }
      return site;
    },
    changed() {
      site = undefined;
    },
    fallbackSite: () => siteFrom(ctx, defaults, [], assets, undefined),
    sendPage(reply, site, meta, body, status = 200) {
      return reply
        .status(status)
        .type(HTML)
        .send(renderPage(site, meta, body));
    },
    cacheable: (req, reply, key, render, kept = true) =>
      sendCacheable(
        kept ? cache : { ...cache, cache: undefined },
        readerState(req, ctx.secret),
        req,
        reply,
        key,
        render,
      ),
    cacheableOn: (base, req, reply, key, render) =>
      sendCacheable(
        {
          ...cache,
          ...(keptOrigin(base) ? {} : { cache: undefined }),
          shareable: ctx.config.publicUrl !== undefined,
        },
        readerState(req, ctx.secret),
        req,
        reply,
        key,
        render,
      ),
    page: (site, meta, body, changeKeys) => ({
      body: renderPage(site, meta, body),
      type: HTML,
      changeKeys,
    }),
    wantsJson(req) {
      // By exact name and weight: `application/json;q=0` refuses JSON, `application/jsonx` is
      // another type.
      const taken = weightedList(req.headers.accept);
      return (taken.get("application/json") ?? 0) > 0 && !((taken.get("text/html") ?? 0) > 0);
    },
  };
}
