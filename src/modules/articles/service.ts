import type { Ctx, TxCtx } from "../../ctx.js";
import { changeKeys } from "../../lib/change-keys.js";
import { NotFound } from "../../lib/errors.js";
import { sanitizeArticleHtml } from "../../lib/sanitize.js";
import { perDay } from "../../lib/day-buckets.js";
import { slugify } from "../../lib/slug.js";
import * as editingRepo from "./editing/repo.js";
import { reindexArticle } from "./indexing.js";
import { publishedKeys } from "./keys.js";
import * as repo from "./repo.js";
import { related } from "../related/index.js";
import { toSummary, type Article, type ArticleSummary, type Named, type Paged } from "./model.js";

/** Articles per category block on the home page. */
const HOME_BLOCK_SIZE = 4;

async function paged(
  ctx: Ctx,
  filter: repo.ListFilter,
  page: number,
): Promise<Paged<ArticleSummary>> {
  const { "articles.perPage": perPage } = await ctx.settings();
  const now = ctx.clock.now().toISOString();
  const total = ctx.engine.toNumber(await repo.countPublished(ctx.db, now, filter));
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  if (page > totalPages) throw new NotFound("page", { page });
  const rows = await repo.listPublished(ctx.db, now, filter, perPage, (page - 1) * perPage);
  return { items: rows.map(toSummary), page, totalPages, total };
}

export interface HomePage {
  latest: Paged<ArticleSummary>;
  /** Only on the first page: a block per category. */
  blocks: { category: Named & { description: string }; articles: ArticleSummary[] }[];
}

export async function homePage(ctx: Ctx, page: number): Promise<HomePage> {
  const latest = await paged(ctx, {}, page);
  if (page > 1) return { latest, blocks: [] };
  const now = ctx.clock.now().toISOString();
  // A block for each section of the menu: the others keep their pages, off the front page.
  const categories = (await repo.listCategories(ctx.db)).filter((c) => c.in_menu === 1);
  const rows = await repo.latestPerCategory(
    ctx.db,
    now,
    categories.map((c) => c.id),
    HOME_BLOCK_SIZE,
  );
  const blocks = categories.map((c) => ({
    category: { slug: c.slug, name: c.name, description: c.description },
    articles: rows.filter((r) => r.category_id === c.id).map(toSummary),
  }));
  return { latest, blocks: blocks.filter((b) => b.articles.length > 0) };
}

export {
  feedScope,
  latestForFeed,
  sitemapCount,
  sitemapSlice,
  newsSitemap,
  listingsLastChange,
  SITEMAP_SIZE,
  type FeedArticle,
  type FeedScope,
  type ScopeKind,
  type SitemapArticle,
} from "./syndication.js";

/** The sections of the site's menu, in its order. */
export async function categories(ctx: Ctx): Promise<Named[]> {
  return (await repo.listCategories(ctx.db))
    .filter((c) => c.in_menu === 1)
    .map((c) => ({ slug: c.slug, name: c.name }));
}

export async function categoryPage(ctx: Ctx, slug: string, page: number) {
  const category = await repo.categoryBySlug(ctx.db, slug);
  if (!category) throw new NotFound("category", { slug });
  return {
    category: {
      id: category.id,
      slug: category.slug,
      name: category.name,
      description: category.description,
    },
    articles: await paged(ctx, { categoryId: category.id }, page),
  };
}

/**
 * A tag's page, once an article with it is out. A tag made while writing a draft is the
 * newsroom's until then: its page answered with its name ("/tag/demission-du-maire") before the
 * article did.
 */
export async function tagPage(ctx: Ctx, slug: string, page: number) {
  const tag = await repo.tagBySlug(ctx.db, slug);
  const articles = tag && (await paged(ctx, { tagId: tag.id }, page));
  if (!tag || !articles || articles.total === 0) throw new NotFound("tag", { slug });
  return { tag: { id: tag.id, slug: tag.slug, name: tag.name }, articles };
}

/** A person's page, once they sign a published article: staff who never did have none. */
export async function authorPage(ctx: Ctx, slug: string, page: number) {
  const author = await repo.authorBySlug(ctx.db, slug);
  const articles = author && (await paged(ctx, { authorId: author.id }, page));
  if (!author || !articles || articles.total === 0) throw new NotFound("author", { slug });
  return {
    author: { id: author.id, slug: author.slug, name: author.name, bio: author.bio },
    articles,
  };
}

/** A published article with its tags; NotFound for drafts and future publications. */
export async function publishedArticle(ctx: Ctx, slug: string): Promise<Article> {
  const row = await repo.findPublishedBySlug(ctx.db, ctx.clock.now().toISOString(), slug);
  if (!row) throw new NotFound("article", { slug });
  const [tags, authors] = await Promise.all([
    repo.tagsOf(ctx.db, [row.id]),
    editingRepo.authorsOf(ctx.db, [row.id]),
  ]);
  const summary = toSummary(row);
  return {
    ...summary,
    authors:
      authors.length > 0 ? authors.map((a) => ({ slug: a.slug, name: a.name })) : [summary.author],
    bylineIds: authors.length > 0 ? authors.map((a) => a.user_id) : [row.author_id],
    imageCaption: row.image_caption,
    imageCredit: row.image_credit,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    bodyHtml: row.body_html,
    commentsOpen: row.comments_open === 1,
    categoryId: row.category_id,
    tags: tags.map((t) => ({ id: t.id, slug: t.slug, name: t.name })),
  };
}

/** The related articles under an article: its stored list (the related module's), as listed. */
export async function relatedArticles(ctx: Ctx, article: Article): Promise<ArticleSummary[]> {
  const { "related.count": count } = await ctx.settings();
  const ids = await related.listFor(ctx, article.id, count);
  return (await repo.summariesByIds(ctx.db, ids)).map(toSummary);
}

export interface NewCategory {
  slug?: string;
  name: string;
  description?: string;
  position?: number;
}

export async function createCategory(ctx: Ctx, input: NewCategory): Promise<number> {
  return ctx.write(async (tx, changed) => {
    // A new section appears in every page's navigation.
    changed(changeKeys.all);
    return repo.insertCategory(tx.db, {
      slug: input.slug ?? slugify(input.name),
      name: input.name,
      description: input.description ?? "",
      position: input.position ?? 0,
    });
  });
}

export interface NewArticle {
  slug?: string;
  categorySlug: string;
  authorId: number;
  title: string;
  standfirst: string;
  bodyHtml: string;
  tags: string[];
  imageUrl?: string;
  imageAlt?: string;
  /** Omitted: a draft. */
  publishedAt?: Date;
  updatedAt?: Date;
  commentsOpen?: boolean;
}

/** Writes an article, its body cleaned by the allowlist, its tags created as needed. */
export async function createArticle(ctx: Ctx, input: NewArticle): Promise<number> {
  const category = await repo.categoryBySlug(ctx.db, input.categorySlug);
  if (!category) throw new NotFound("category", { slug: input.categorySlug });
  return ctx.write(async (tx, changed) => {
    const id = await repo.insertArticle(tx.db, {
      slug: input.slug ?? slugify(input.title),
      category_id: category.id,
      author_id: input.authorId,
      title: input.title,
      standfirst: input.standfirst,
      body_html: sanitizeArticleHtml(input.bodyHtml),
      image_url: input.imageUrl ?? null,
      image_alt: input.imageAlt ?? null,
      status: input.publishedAt ? "published" : "draft",
      published_at: input.publishedAt?.toISOString() ?? null,
      first_published_at: input.publishedAt?.toISOString() ?? null,
      updated_at: input.updatedAt?.toISOString() ?? null,
      created_at: ctx.clock.now().toISOString(),
      comments_open: input.commentsOpen === false ? 0 : 1,
      comment_count: 0,
      modified_at: (input.updatedAt ?? input.publishedAt ?? ctx.clock.now()).toISOString(),
    });
    const tagIds = [];
    for (const name of input.tags) {
      const slug = slugify(name);
      if (slug) tagIds.push(await repo.ensureTag(tx.db, slug, name));
    }
    await repo.linkTags(tx.db, id, tagIds);
    await editingRepo.replaceAuthors(tx.db, id, [input.authorId]);
    if (input.publishedAt) {
      changed(
        ...publishedKeys({ id, categoryId: category.id, authorIds: [input.authorId], tagIds }),
      );
      await reindexArticle(tx, changed, id);
    }
    return id;
  });
}

/** What the comments module needs to know of an article before accepting a comment on it. */
export async function discussionTarget(ctx: Ctx, slug: string) {
  const row = await repo.discussionOf(ctx.db, ctx.clock.now().toISOString(), slug);
  if (!row?.published_at) throw new NotFound("article", { slug });
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    publishedAt: row.published_at,
    commentsOpen: row.comments_open === 1,
  };
}

/** Slug and title of articles by id, drafts included: for exports that name what a row belongs to. */
export async function slugsAndTitles(
  ctx: Ctx,
  ids: readonly number[],
): Promise<Map<number, { slug: string; title: string }>> {
  const rows = await repo.slugsAndTitles(ctx.db, ids);
  return new Map(rows.map((r) => [r.id, { slug: r.slug, title: r.title }]));
}

/**
 * Takes the article row's write lock until the caller's transaction ends. A writer that reads
 * something to store on the article (the comments module, its count) takes it first: on
 * PostgreSQL two comments saved at once would otherwise each be counted without the other (read
 * committed) and the last write would lose one; with the lock, the second transaction reads only
 * after the first has committed. SQLite writes one at a time.
 */
export async function lockForUpdate(tx: TxCtx, articleId: number): Promise<void> {
  await repo.lockRow(tx.db, articleId);
}

/** Stores the article's denormalised count of published comments, as the comments module counts them. */
export async function setCommentCount(tx: TxCtx, articleId: number, count: number): Promise<void> {
  await repo.setCommentCount(tx.db, articleId, count);
}

/** No section and no article yet: a new site, which the demo may fill. */
export async function isEmpty(ctx: Ctx): Promise<boolean> {
  return (
    (await repo.listCategories(ctx.db)).length === 0 &&
    ctx.engine.toNumber(await repo.countAll(ctx.db)) === 0
  );
}

/** The newsroom's per-article switch for its discussion. */
export async function setCommentsOpen(ctx: Ctx, slug: string, open: boolean): Promise<void> {
  await ctx.write(async (tx, changed) => {
    const id = await repo.setCommentsOpen(tx.db, slug, open);
    if (id === undefined) throw new NotFound("article", { slug });
    changed(changeKeys.article(id));
  });
}

/**
 * Articles published on each day between `bounds` (the days' starts and the last one's end, as
 * lib/zoned-days.ts `lastDays` gives them): by everyone, or by one author. For the dashboard.
 */
export async function publishedPerDay(
  ctx: Ctx,
  bounds: readonly string[],
  authorId?: number,
): Promise<number[]> {
  const now = ctx.clock.now().toISOString();
  const rows = await repo.publishedPerDay(ctx.db, bounds, now, authorId);
  return perDay(rows, bounds.length - 1);
}

/** Every article one person signs, drafts included: what "their articles" means on the dashboard. */
export async function idsByAuthor(ctx: Ctx, authorId: number): Promise<number[]> {
  return (await repo.idsByAuthor(ctx.db, authorId)).map((r) => r.id);
}
