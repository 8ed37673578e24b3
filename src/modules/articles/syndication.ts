import type { Ctx } from "../../ctx.js";
import { NotFound } from "../../lib/errors.js";
import * as editingRepo from "./editing/repo.js";
import { toSummary, type ArticleSummary, type Named } from "./model.js";
import * as repo from "./repo.js";

/**
 * What feeds and sitemaps read: the latest articles of the site, a section, a tag or a byline;
 * every published article's address in pages of SITEMAP_SIZE; the last two days' for the news
 * sitemap; when each listing last changed.
 */

/** Articles in a feed: enough for a reader's app to catch up after a day away. */
const FEED_SIZE = 20;

export type ScopeKind = "site" | "section" | "tag" | "author";

/** A feed's subject: the whole site, or one listing of it. */
export interface FeedScope {
  kind: ScopeKind;
  /** For change keys: the section's, tag's or person's id; 0 for the site. */
  id: number;
  slug: string;
  name: string;
  description: string;
}

/**
 * A listing's feed subject, by its slug; NotFound as its page would be: a tag or a person with
 * no published article has no page, and no feed.
 */
export async function feedScope(ctx: Ctx, kind: ScopeKind, slug: string): Promise<FeedScope> {
  const found = await scopeRow(ctx, kind, slug);
  if (!found) throw new NotFound(kind, { slug });
  if (kind === "tag" || kind === "author") {
    const filter = kind === "tag" ? { tagId: found.id } : { authorId: found.id };
    const now = ctx.clock.now().toISOString();
    if (ctx.engine.toNumber(await repo.countPublished(ctx.db, now, filter)) === 0)
      throw new NotFound(kind, { slug });
  }
  return { kind, ...found };
}

async function scopeRow(ctx: Ctx, kind: ScopeKind, slug: string) {
  if (kind === "section") {
    const c = await repo.categoryBySlug(ctx.db, slug);
    return c && { id: c.id, slug: c.slug, name: c.name, description: c.description };
  }
  if (kind === "tag") {
    const t = await repo.tagBySlug(ctx.db, slug);
    return t && { id: t.id, slug: t.slug, name: t.name, description: "" };
  }
  if (kind === "author") {
    const u = await repo.authorBySlug(ctx.db, slug);
    return u && { id: u.id, slug: u.slug, name: u.name, description: u.bio ?? "" };
  }
  return undefined;
}

/** An article as feeds carry it: every byline, in order (the first is `author`). */
export type FeedArticle = ArticleSummary & { authors: Named[]; bodyHtml?: string };

/** The latest articles of a scope, newest first; with their whole text when `bodies`. */
export async function latestForFeed(
  ctx: Ctx,
  scope: Pick<FeedScope, "kind" | "id">,
  bodies: boolean,
): Promise<FeedArticle[]> {
  const filter =
    scope.kind === "section"
      ? { categoryId: scope.id }
      : scope.kind === "tag"
        ? { tagId: scope.id }
        : scope.kind === "author"
          ? { authorId: scope.id }
          : {};
  const rows = await repo.listPublished(
    ctx.db,
    ctx.clock.now().toISOString(),
    filter,
    FEED_SIZE,
    0,
  );
  const bylines = await editingRepo.authorsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const items = rows.map((r) => {
    const summary = toSummary(r);
    const authors = bylines.filter((b) => b.article_id === r.id);
    return {
      ...summary,
      authors:
        authors.length > 0
          ? authors.map((a) => ({ slug: a.slug, name: a.name }))
          : [summary.author],
    };
  });
  if (!bodies) return items;
  const text = new Map(
    (
      await repo.bodiesOf(
        ctx.db,
        items.map((i) => i.id),
      )
    ).map((b) => [b.id, b.body_html]),
  );
  return items.map((i) => ({ ...i, bodyHtml: text.get(i.id) ?? "" }));
}

/** Addresses per article sitemap: well under the protocol's 50,000, and quick to render. */
export const SITEMAP_SIZE = 10_000;

export async function sitemapCount(ctx: Ctx): Promise<number> {
  return ctx.engine.toNumber(await repo.countAllPublished(ctx.db));
}

export interface SitemapArticle {
  id: number;
  slug: string;
  title: string;
  publishedAt: string;
  lastChange: string;
  imageMediaId: number | null;
  imageUrl: string | null;
  imageAlt: string | null;
  /** Its language when the newsroom set one (the news sitemap's `news:language`). */
  language?: string | null;
}

const sitemapArticle = (r: {
  id: number;
  slug: string;
  title: string;
  published_at: string | null;
  updated_at: string | null;
  image_media_id?: number | null;
  image_url?: string | null;
  image_alt?: string | null;
  language?: string | null;
}): SitemapArticle => ({
  id: r.id,
  slug: r.slug,
  title: r.title,
  publishedAt: r.published_at ?? "",
  lastChange: r.updated_at ?? r.published_at ?? "",
  imageMediaId: r.image_media_id ?? null,
  imageUrl: r.image_url ?? null,
  imageAlt: r.image_alt ?? null,
  language: r.language ?? null,
});

/** The `page`th article sitemap (from 1). */
export async function sitemapSlice(ctx: Ctx, page: number): Promise<SitemapArticle[]> {
  const rows = await repo.sitemapSlice(
    ctx.db,
    ctx.clock.now().toISOString(),
    (page - 1) * SITEMAP_SIZE,
    SITEMAP_SIZE,
  );
  return rows.map(sitemapArticle);
}

/** Google News' window: articles published in the last two days. */
const NEWS_WINDOW_MS = 48 * 3_600_000;

export async function newsSitemap(ctx: Ctx): Promise<SitemapArticle[]> {
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - NEWS_WINDOW_MS).toISOString();
  return (await repo.publishedSince(ctx.db, now.toISOString(), since)).map(sitemapArticle);
}

/** Every section, tag and byline with published articles, and the date of its latest. */
export async function listingsLastChange(ctx: Ctx) {
  const now = ctx.clock.now().toISOString();
  const [sections, tags, authors] = await Promise.all([
    repo.sectionsWithLastChange(ctx.db, now),
    repo.tagsWithLastChange(ctx.db, now),
    repo.authorsWithLastChange(ctx.db, now),
  ]);
  const plain = (rows: { slug: string; last: string | null }[]) =>
    rows.map((r) => ({ slug: r.slug, last: r.last ?? undefined }));
  return { sections: plain(sections), tags: plain(tags), authors: plain(authors) };
}
