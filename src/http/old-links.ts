import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Ctx } from "../ctx.js";
import { articles, editing } from "../modules/articles/index.js";
import { sitePages } from "../modules/pages/index.js";
import { redirects } from "../modules/redirects/index.js";
import { NotFound } from "../lib/errors.js";
import { paths } from "../web/urls.js";

/** Paths of Kiosque's own that no old site's address is looked up for. */
const OWN = /^\/(?:admin|media|assets)(?:\/|$)/;

/**
 * Addresses whose page readers may not see yet, or no longer: a draft, a future publication, a
 * byline that signs no published article. Each is asked as its own route asks (NotFound when
 * hidden); every other target (a section, a tag, a file) is public while it exists.
 */
const MAY_BE_HIDDEN: readonly [RegExp, (ctx: Ctx, slug: string) => Promise<unknown>][] = [
  [/^\/article\/([^/?#]+)$/, (ctx, slug) => articles.discussionTarget(ctx, slug)],
  [/^\/page\/([^/?#]+)$/, (ctx, slug) => sitePages.publishedPage(ctx, slug)],
  [/^\/auteur\/([^/?#]+)$/, (ctx, slug) => articles.authorPage(ctx, slug, 1)],
];

/**
 * An old address leads only where a reader may go now: an imported draft's `/?p=123`, or a
 * page made a draft and renamed, must not tell anyone the address (its title) it will have.
 * Its redirect is kept, and answers again once its page is public.
 */
async function isPublic(ctx: Ctx, target: string): Promise<boolean> {
  for (const [pattern, find] of MAY_BE_HIDDEN) {
    const slug = pattern.exec(target)?.[1];
    if (slug === undefined) continue;
    try {
      await find(ctx, decodeURIComponent(slug));
      return true;
    } catch (error) {
      if (error instanceof NotFound) return false;
      throw error;
    }
  }
  return true;
}

/** `/article/<slug>/…`: an article's comment feed, its threads' pages, under a slug it had. */
const UNDER_ARTICLE = /^\/article\/([^/?#]+)(\/[^?#]*)/;

/** Where something under an article's old slug now lives; only a published article's. */
async function underRenamedArticle(ctx: Ctx, url: string): Promise<string | undefined> {
  const m = UNDER_ARTICLE.exec(url);
  if (!m) return undefined;
  const current = await editing.currentSlugFor(ctx, decodeURIComponent(m[1] as string));
  return current === undefined ? undefined : `${paths.article(current)}${m[2] as string}`;
}

/**
 * The query an old link carried goes on with it (a page number, a campaign's tag), but not the
 * WordPress keys that named the old address: `/?p=12` is that address, not a wish for `?p=12`.
 */
function carriedQuery(url: string): string {
  const q = url.indexOf("?");
  if (q < 0) return "";
  const query = new URLSearchParams(url.slice(q + 1));
  for (const key of redirects.QUERY_KEYS) query.delete(key);
  const kept = query.toString();
  return kept === "" ? "" : `?${kept}`;
}

/**
 * Where an old address asked for now lives, for a GET or HEAD that found nothing here. The
 * newsroom's and the media's paths are Kiosque's own: never looked up.
 */
export async function oldLinkTarget(ctx: Ctx, req: FastifyRequest): Promise<string | undefined> {
  if (req.method !== "GET" && req.method !== "HEAD") return undefined;
  if (OWN.test(req.url)) return undefined;
  try {
    const target =
      (await redirects.lookup(ctx, req.url)) ?? (await underRenamedArticle(ctx, req.url));
    if (target === undefined || !(await isPublic(ctx, target))) return undefined;
    return target.includes("?") ? target : `${target}${carriedQuery(req.url)}`;
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
