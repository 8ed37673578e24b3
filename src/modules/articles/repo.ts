import { sql, type Kysely, type SelectQueryBuilder } from "kysely";
import { compiledOnce } from "../../lib/compiled-once.js";
import type { Tables } from "../../db/schema.js";
import { dayOf } from "../../lib/day-buckets.js";
import type { ArticlesTable } from "./table.js";
import type { Insertable } from "kysely";
import { indexTitle } from "./title-words.js";

export interface ListFilter {
  categoryId?: number;
  tagId?: number;
  authorId?: number;
}

/** The published articles a listing shows, without their section and byline. */
function published(db: Kysely<Tables>, now: string, filter: ListFilter) {
  let q = articlesFor(db, filter)
    .where("a.status", "=", "published")
    .where("a.published_at", "<=", now);
  if (filter.categoryId !== undefined) q = q.where("a.category_id", "=", filter.categoryId);
  return q;
}

/** The columns a listing needs; one query with its joins, never one per article. */
function summaries(db: Kysely<Tables>, now: string, filter: ListFilter) {
  return published(db, now, filter)
    .innerJoin("categories as c", "c.id", "a.category_id")
    .innerJoin("users as u", "u.id", "a.author_id");
}

type ArticlesFrom = SelectQueryBuilder<Tables & { a: ArticlesTable }, "a", object>;

/**
 * The articles a listing reads from: all of them, a tag's, or a byline's (co-bylines included).
 * For a tag or a person, the links come first and each article is fetched by id: CROSS JOIN
 * keeps that order in SQLite, whose planner would otherwise walk every published article newest
 * first looking for a rare tag's few (PostgreSQL reads it as the inner join it is and plans by
 * its statistics).
 */
function articlesFor(db: Kysely<Tables>, filter: ListFilter): ArticlesFrom {
  if (filter.tagId !== undefined) {
    const tagged = db
      .selectFrom("article_tags as at")
      .crossJoin("articles as a")
      .whereRef("a.id", "=", "at.article_id")
      .where("at.tag_id", "=", filter.tagId);
    // The link table adds no column that a listing selects; only "a" is used from here on.
    return tagged as unknown as ArticlesFrom;
  }
  if (filter.authorId !== undefined) {
    const signed = db
      .selectFrom("article_authors as aa")
      .crossJoin("articles as a")
      .whereRef("a.id", "=", "aa.article_id")
      .where("aa.user_id", "=", filter.authorId);
    return signed as unknown as ArticlesFrom;
  }
  return db.selectFrom("articles as a");
}

const summaryColumns = [
  "a.id",
  "a.slug",
  "a.title",
  "a.standfirst",
  "a.image_url",
  "a.image_alt",
  "a.image_media_id",
  "a.published_at",
  "a.updated_at",
  "a.comment_count",
  "c.slug as category_slug",
  "c.name as category_name",
  "u.slug as author_slug",
  "u.name as author_name",
  "a.language",
] as const;

export async function listPublished(
  db: Kysely<Tables>,
  now: string,
  filter: ListFilter,
  limit: number,
  offset: number,
) {
  return summaries(db, now, filter)
    .select(summaryColumns)
    .orderBy("a.published_at", "desc")
    .orderBy("a.id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
}

/**
 * The latest `perCategory` articles of each section, in one round trip: one indexed sub-query per
 * section, glued with UNION ALL (a window over every article would read them all; SQLite has no
 * LATERAL join).
 */
export async function latestPerCategory(
  db: Kysely<Tables>,
  now: string,
  categoryIds: readonly number[],
  perCategory: number,
) {
  const part = (categoryId: number, i: number) =>
    db
      .selectFrom(
        summaries(db, now, { categoryId })
          .select([...summaryColumns, "a.category_id"])
          .orderBy("a.published_at", "desc")
          .orderBy("a.id", "desc")
          .limit(perCategory)
          .as(`p${i}`),
      )
      .selectAll();
  const [first, ...rest] = categoryIds.map(part);
  if (!first) return [];
  return rest.reduce((q, next) => q.unionAll(next), first).execute();
}

/**
 * Counted without the listing's joins, which drop no row (section and byline are required
 * references) but made each article's row read: at 100k articles the home page's count took
 * 480 ms with them, 19 ms from the status and date index alone.
 */
export async function countPublished(db: Kysely<Tables>, now: string, filter: ListFilter) {
  const row = await published(db, now, filter)
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}

const publishedBySlug = compiledOnce((db: Kysely<Tables>, p: { now: string; slug: string }) =>
  summaries(db, p.now, {})
    .where("a.slug", "=", p.slug)
    .select([
      ...summaryColumns,
      "a.author_id",
      "a.body_html",
      "a.comments_open",
      "a.category_id",
      "a.image_caption",
      "a.image_credit",
      "a.seo_title",
      "a.seo_description",
    ]),
);

export async function findPublishedBySlug(db: Kysely<Tables>, now: string, slug: string) {
  return (await publishedBySlug(db, { now, slug }))[0];
}

/** What a comment post needs of its article, and nothing more: it runs on every post. */
export async function discussionOf(db: Kysely<Tables>, now: string, slug: string) {
  return db
    .selectFrom("articles")
    .select(["id", "slug", "title", "published_at", "comments_open"])
    .where("slug", "=", slug)
    .where("status", "=", "published")
    .where("published_at", "<=", now)
    .executeTakeFirst();
}

const tagsOfIds = compiledOnce((db: Kysely<Tables>, p: { ids: readonly number[] }) =>
  db
    .selectFrom("article_tags as at")
    .innerJoin("tags as t", "t.id", "at.tag_id")
    .select(["at.article_id", "t.id", "t.slug", "t.name"])
    .where("at.article_id", "in", p.ids)
    .orderBy("t.name"),
);

export async function tagsOf(db: Kysely<Tables>, articleIds: readonly number[]) {
  if (articleIds.length === 0) return [];
  return tagsOfIds(db, { ids: articleIds });
}

/**
 * Takes every section's row for the rest of the transaction (a write that changes nothing): on
 * PostgreSQL two changes to sections then run one after the other, each checking what the one
 * before committed (two sections merged into each other would otherwise both be deleted).
 */
export async function lockCategories(db: Kysely<Tables>) {
  await db
    .updateTable("categories")
    .set((eb) => ({ position: eb.ref("position") }))
    .execute();
}

export async function listCategories(db: Kysely<Tables>) {
  return db.selectFrom("categories").selectAll().orderBy("position").orderBy("name").execute();
}

export async function categoryBySlug(db: Kysely<Tables>, slug: string) {
  return db.selectFrom("categories").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export async function tagBySlug(db: Kysely<Tables>, slug: string) {
  return db.selectFrom("tags").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export async function authorBySlug(db: Kysely<Tables>, slug: string) {
  return db
    .selectFrom("users")
    .select(["id", "slug", "name", "bio"])
    .where("slug", "=", slug)
    .executeTakeFirst();
}

export async function insertCategory(
  db: Kysely<Tables>,
  c: { slug: string; name: string; description: string; position: number; in_menu?: number },
) {
  const row = await db.insertInto("categories").values(c).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

/** Every article is written here, with its headline's words for the newsroom's search. */
export async function insertArticle(db: Kysely<Tables>, values: Insertable<ArticlesTable>) {
  const row = await db
    .insertInto("articles")
    .values(values)
    .returning("id")
    .executeTakeFirstOrThrow();
  await indexTitle(db, row.id, values.title);
  return row.id;
}

/** Returns the tag's id, creating it when new. */
export async function ensureTag(db: Kysely<Tables>, slug: string, name: string) {
  await db
    .insertInto("tags")
    .values({ slug, name })
    .onConflict((oc) => oc.column("slug").doNothing())
    .execute();
  const row = await db
    .selectFrom("tags")
    .select("id")
    .where("slug", "=", slug)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function linkTags(db: Kysely<Tables>, articleId: number, tagIds: readonly number[]) {
  if (tagIds.length === 0) return;
  await db
    .insertInto("article_tags")
    .values(tagIds.map((tag_id) => ({ article_id: articleId, tag_id })))
    .onConflict((oc) => oc.columns(["article_id", "tag_id"]).doNothing())
    .execute();
}

/** Takes the article row's write lock (a no-op update) until the transaction ends. */
export async function lockRow(db: Kysely<Tables>, articleId: number) {
  await db
    .updateTable("articles")
    .set((eb) => ({ comment_count: eb.ref("comment_count") }))
    .where("id", "=", articleId)
    .execute();
}

export async function setCommentCount(db: Kysely<Tables>, articleId: number, count: number) {
  await db
    .updateTable("articles")
    .set({ comment_count: count })
    .where("id", "=", articleId)
    .execute();
}

/** Listing rows of articles already known to be published, by id, in the order given. */
const summariesOfIds = compiledOnce((db: Kysely<Tables>, p: { ids: readonly number[] }) =>
  db
    .selectFrom("articles as a")
    .innerJoin("categories as c", "c.id", "a.category_id")
    .innerJoin("users as u", "u.id", "a.author_id")
    .where("a.id", "in", p.ids)
    .select(summaryColumns),
);

export async function summariesByIds(db: Kysely<Tables>, ids: readonly number[]) {
  if (ids.length === 0) return [];
  const rows = await summariesOfIds(db, { ids });
  return ids.flatMap((id) => rows.filter((r) => r.id === id));
}

export async function countAll(db: Kysely<Tables>) {
  const row = await db
    .selectFrom("articles")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Returns the article's id, or undefined when no article has that slug. */
export async function setCommentsOpen(db: Kysely<Tables>, slug: string, open: boolean) {
  const row = await db
    .updateTable("articles")
    .set({ comments_open: open ? 1 : 0 })
    .where("slug", "=", slug)
    .returning("id")
    .executeTakeFirst();
  return row?.id;
}

export async function slugsAndTitles(db: Kysely<Tables>, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom("articles").select(["id", "slug", "title"]).where("id", "in", ids).execute();
}

export async function updateCategory(
  db: Kysely<Tables>,
  id: number,
  values: { slug: string; name: string; description: string; position: number; in_menu: number },
) {
  await db.updateTable("categories").set(values).where("id", "=", id).execute();
}

/** Moves every article of one section (drafts and all) to another; how many moved. */
export async function moveToSection(db: Kysely<Tables>, from: number, to: number) {
  const result = await db
    .updateTable("articles")
    .set({ category_id: to })
    .where("category_id", "=", from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function deleteCategory(db: Kysely<Tables>, id: number) {
  await db.deleteFrom("categories").where("id", "=", id).execute();
}

/** Articles in each section, whatever their state: what a section's deletion would move. */
export async function articleCountsBySection(db: Kysely<Tables>) {
  return db
    .selectFrom("articles")
    .select(["category_id", (eb) => eb.fn.countAll().as("n")])
    .groupBy("category_id")
    .execute();
}

/** Tags by slug prefix. */
export async function tagsStartingWith(db: Kysely<Tables>, prefix: string, limit: number) {
  // Slugs hold only letters, digits, their marks and "-" (lib/slug.ts): no "%", "_" or "\" in the
  // prefix for LIKE to escape.
  return db
    .selectFrom("tags")
    .select(["slug", "name"])
    .where("slug", "like", `${prefix}%`)
    .orderBy("slug")
    .limit(limit)
    .execute();
}

/** Articles published per day between `bounds` (dashboard), one row per day that had any. */
export async function publishedPerDay(
  db: Kysely<Tables>,
  bounds: readonly string[],
  now: string,
  authorId?: number,
) {
  let q = db
    .selectFrom("articles")
    .select((eb) => [dayOf("published_at", bounds).as("day"), eb.fn.countAll<number>().as("n")])
    .where("status", "=", "published")
    .where("published_at", ">=", bounds[0]!)
    .where("published_at", "<", bounds[bounds.length - 1]!)
    .where("published_at", "<=", now);
  if (authorId !== undefined) q = q.where("author_id", "=", authorId);
  return q.groupBy(sql<number>`1`).execute();
}

export async function idsByAuthor(db: Kysely<Tables>, authorId: number) {
  return db.selectFrom("articles").select("id").where("author_id", "=", authorId).execute();
}

/** The bodies of these articles, for feeds that carry the whole text. */
export async function bodiesOf(db: Kysely<Tables>, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom("articles").select(["id", "body_html"]).where("id", "in", ids).execute();
}

/** Published articles, counted from the index alone: how many article sitemaps there are. */
export async function countAllPublished(db: Kysely<Tables>) {
  const row = await db
    .selectFrom("articles")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("status", "=", "published")
    .executeTakeFirstOrThrow();
  return row.n;
}

/**
 * One article sitemap: published articles in id order (stable, so an article keeps its sitemap),
 * the ids read from articles_listing, then their rows. A scheduled article becomes published when
 * its time comes (jobs/publish-scheduled.ts); the date is checked all the same.
 */
export async function sitemapSlice(db: Kysely<Tables>, now: string, offset: number, limit: number) {
  const ids = db
    .selectFrom("articles")
    .select("id")
    .where("status", "=", "published")
    .orderBy("id")
    .limit(limit)
    .offset(offset);
  return db
    .selectFrom("articles")
    .select([
      "id",
      "slug",
      "title",
      "published_at",
      "updated_at",
      "image_media_id",
      "image_url",
      "image_alt",
    ])
    .where("id", "in", ids)
    .where("published_at", "<=", now)
    .orderBy("id")
    .execute();
}

/** Articles published since `since`, newest first: the news sitemap (48 hours, at most 1,000). */
export async function publishedSince(db: Kysely<Tables>, now: string, since: string) {
  return db
    .selectFrom("articles")
    .select(["id", "slug", "title", "published_at", "updated_at", "language"])
    .where("status", "=", "published")
    .where("published_at", ">", since)
    .where("published_at", "<=", now)
    .orderBy("published_at", "desc")
    .limit(1_000)
    .execute();
}

/** Each section's, tag's and byline's latest publication or change: their sitemaps' lastmod. */
export async function sectionsWithLastChange(db: Kysely<Tables>, now: string) {
  return db
    .selectFrom("categories as c")
    .leftJoin("articles as a", (j) =>
      j
        .onRef("a.category_id", "=", "c.id")
        .on("a.status", "=", "published")
        .on("a.published_at", "<=", now),
    )
    .select(["c.slug", (eb) => eb.fn.max("a.published_at").as("last")])
    .groupBy(["c.id", "c.slug"])
    .orderBy("c.slug")
    .execute();
}

export async function tagsWithLastChange(db: Kysely<Tables>, now: string) {
  return db
    .selectFrom("tags as t")
    .innerJoin("article_tags as at", "at.tag_id", "t.id")
    .innerJoin("articles as a", "a.id", "at.article_id")
    .where("a.status", "=", "published")
    .where("a.published_at", "<=", now)
    .select(["t.slug", (eb) => eb.fn.max("a.published_at").as("last")])
    .groupBy(["t.id", "t.slug"])
    .orderBy("t.slug")
    .execute();
}

export async function authorsWithLastChange(db: Kysely<Tables>, now: string) {
  return db
    .selectFrom("users as u")
    .innerJoin("article_authors as aa", "aa.user_id", "u.id")
    .innerJoin("articles as a", "a.id", "aa.article_id")
    .where("a.status", "=", "published")
    .where("a.published_at", "<=", now)
    .select(["u.slug", (eb) => eb.fn.max("a.published_at").as("last")])
    .groupBy(["u.id", "u.slug"])
    .orderBy("u.slug")
    .execute();
}

/** Articles after `afterId` in id order, drafts included, with their section: an export's batch. */
export async function articlesAfter(db: Kysely<Tables>, afterId: number, limit: number) {
  return db
    .selectFrom("articles as a")
    .innerJoin("categories as c", "c.id", "a.category_id")
    .selectAll("a")
    .select(["c.slug as section_slug", "c.name as section_name"])
    .where("a.id", ">", afterId)
    .orderBy("a.id")
    .limit(limit)
    .execute();
}

export async function oldSlugsOf(db: Kysely<Tables>, articleIds: readonly number[]) {
  if (articleIds.length === 0) return [];
  return db
    .selectFrom("article_slugs")
    .select(["article_id", "slug"])
    .where("article_id", "in", articleIds)
    .execute();
}

export async function allTags(db: Kysely<Tables>) {
  return db.selectFrom("tags").select(["id", "slug", "name"]).orderBy("id").execute();
}
