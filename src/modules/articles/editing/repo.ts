import type { Kysely, Updateable } from "kysely";
import { compiledOnce } from "../../../lib/compiled-once.js";
import type { Tables } from "../../../db/schema.js";
import type { ArticleStatus, ArticlesTable, RevisionKind } from "../table.js";
import { indexTitle } from "../title-words.js";

/** SQL of the newsroom's writing: one article at a time, plus its bylines, slugs and revisions. */

export async function articleRow(db: Kysely<Tables>, id: number) {
  return db.selectFrom("articles").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The bylines of these articles, in order, with each person's name. */
const authorsOfIds = compiledOnce((db: Kysely<Tables>, p: { ids: readonly number[] }) =>
  db
    .selectFrom("article_authors as aa")
    .innerJoin("users as u", "u.id", "aa.user_id")
    .select(["aa.article_id", "aa.user_id", "u.name", "u.slug"])
    .where("aa.article_id", "in", p.ids)
    .orderBy("aa.article_id")
    .orderBy("aa.position"),
);

export async function authorsOf(db: Kysely<Tables>, articleIds: readonly number[]) {
  if (articleIds.length === 0) return [];
  return authorsOfIds(db, { ids: articleIds });
}

/**
 * Staff who sign or may sign articles, by name: every account but moderators', disabled ones
 * included (their bylines stay on what they signed), and whoever signs article `articleId` now,
 * whatever their account has become since. `signs`: among that article's bylines. Which of them
 * a byline may name is checks.ts `maySign`.
 */
export async function bylineCandidates(db: Kysely<Tables>, articleId = 0) {
  const rows = await db
    .selectFrom("users as u")
    .leftJoin("article_authors as aa", (join) =>
      join.onRef("aa.user_id", "=", "u.id").on("aa.article_id", "=", articleId),
    )
    .select(["u.id", "u.name", "u.disabled_at", "aa.position"])
    .where((eb) => eb.or([eb("u.role", "!=", "moderator"), eb("aa.position", "is not", null)]))
    .orderBy("u.name")
    .orderBy("u.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    disabled: r.disabled_at !== null,
    signs: r.position !== null,
  }));
}

/**
 * Whether the media library has this image. Read here, as bylines read `users`: the media module
 * reads articles (where an image is used), so articles do not call it.
 */
export async function imageExists(db: Kysely<Tables>, mediaId: number) {
  const row = await db
    .selectFrom("media")
    .select("id")
    .where("id", "=", mediaId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether another article answers to this slug, now or as an old one. */
export async function slugTaken(db: Kysely<Tables>, slug: string, exceptId: number) {
  const current = await db
    .selectFrom("articles")
    .select("id")
    .where("slug", "=", slug)
    .where("id", "!=", exceptId)
    .executeTakeFirst();
  if (current) return true;
  const old = await db
    .selectFrom("article_slugs")
    .select("article_id")
    .where("slug", "=", slug)
    .where("article_id", "!=", exceptId)
    .executeTakeFirst();
  return old !== undefined;
}

/**
 * Writes the article if it is still at `baseVersion`, and moves it to the next: a compare and
 * set, so of two saves made on one version exactly one lands. Undefined when it lost.
 */
export async function updateIfVersion(
  db: Kysely<Tables>,
  id: number,
  baseVersion: number,
  values: Updateable<ArticlesTable>,
) {
  const landed = await db
    .updateTable("articles")
    .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
    .where("id", "=", id)
    .where("version", "=", baseVersion)
    .returning(["id", "version"])
    .executeTakeFirst();
  if (landed && values.title !== undefined) await indexTitle(db, id, values.title);
  return landed;
}

export async function setStatus(
  db: Kysely<Tables>,
  id: number,
  values: {
    status: ArticleStatus;
    published_at: string | null;
    first_published_at: string | null;
    modified_at: string;
  },
) {
  await db.updateTable("articles").set(values).where("id", "=", id).execute();
}

export async function replaceAuthors(db: Kysely<Tables>, id: number, userIds: readonly number[]) {
  await db.deleteFrom("article_authors").where("article_id", "=", id).execute();
  if (userIds.length === 0) return;
  await db
    .insertInto("article_authors")
    .values(userIds.map((user_id, position) => ({ article_id: id, user_id, position })))
    .execute();
}

export async function replaceTags(db: Kysely<Tables>, id: number, tagIds: readonly number[]) {
  await db.deleteFrom("article_tags").where("article_id", "=", id).execute();
  if (tagIds.length === 0) return;
  await db
    .insertInto("article_tags")
    .values(tagIds.map((tag_id) => ({ article_id: id, tag_id })))
    .execute();
}

/** The article answered to `slug` before: it keeps answering, with a 301 to the current one. */
export async function rememberSlug(db: Kysely<Tables>, id: number, slug: string, at: string) {
  await db
    .insertInto("article_slugs")
    .values({ slug, article_id: id, created_at: at })
    .onConflict((oc) => oc.column("slug").doUpdateSet({ article_id: id, created_at: at }))
    .execute();
}

/** A slug taken back by its article is its current one again, no longer an old one. */
export async function forgetSlug(db: Kysely<Tables>, slug: string) {
  await db.deleteFrom("article_slugs").where("slug", "=", slug).execute();
}

/** The current slug of the article that once answered to `slug`, when it is published. */
export async function currentSlugFor(db: Kysely<Tables>, slug: string, now: string) {
  const row = await db
    .selectFrom("article_slugs as s")
    .innerJoin("articles as a", "a.id", "s.article_id")
    .select("a.slug")
    .where("s.slug", "=", slug)
    .where("a.status", "=", "published")
    .where("a.published_at", "<=", now)
    .executeTakeFirst();
  return row?.slug;
}

export async function insertRevision(
  db: Kysely<Tables>,
  r: {
    article_id: number;
    version: number;
    kind: RevisionKind;
    saved_by: number | null;
    saved_at: string;
    fields: string;
  },
) {
  const row = await db
    .insertInto("article_revisions")
    .values(r)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function hasRevisions(db: Kysely<Tables>, articleId: number): Promise<boolean> {
  const row = await db
    .selectFrom("article_revisions")
    .select("id")
    .where("article_id", "=", articleId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function revisionsOf(db: Kysely<Tables>, articleId: number) {
  return db
    .selectFrom("article_revisions as r")
    .leftJoin("users as u", "u.id", "r.saved_by")
    .select(["r.id", "r.version", "r.kind", "r.saved_at", "u.name as saved_by_name"])
    .where("r.article_id", "=", articleId)
    .orderBy("r.id", "desc")
    .execute();
}

export async function revision(db: Kysely<Tables>, articleId: number, revisionId: number) {
  return db
    .selectFrom("article_revisions as r")
    .leftJoin("users as u", "u.id", "r.saved_by")
    .select(["r.id", "r.version", "r.kind", "r.saved_at", "r.fields", "u.name as saved_by_name"])
    .where("r.article_id", "=", articleId)
    .where("r.id", "=", revisionId)
    .executeTakeFirst();
}

export async function upsertAutosave(
  db: Kysely<Tables>,
  a: {
    article_id: number;
    user_id: number;
    base_version: number;
    saved_at: string;
    fields: string;
  },
) {
  await db
    .insertInto("article_autosaves")
    .values(a)
    .onConflict((oc) =>
      oc.columns(["article_id", "user_id"]).doUpdateSet({
        base_version: a.base_version,
        saved_at: a.saved_at,
        fields: a.fields,
      }),
    )
    .execute();
}

export async function autosaveOf(db: Kysely<Tables>, articleId: number, userId: number) {
  return db
    .selectFrom("article_autosaves")
    .selectAll()
    .where("article_id", "=", articleId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

export async function deleteAutosave(db: Kysely<Tables>, articleId: number, userId: number) {
  await db
    .deleteFrom("article_autosaves")
    .where("article_id", "=", articleId)
    .where("user_id", "=", userId)
    .execute();
}

/**
 * Scheduled articles whose time has come, published in one statement: of several processes or
 * instances asking at once, each row is turned by exactly one (the others' WHERE no longer holds
 * once the first commits: PostgreSQL re-reads a row it waited for; SQLite writes one at a time).
 * Readers see each from its date on: the first time, that is its first publication.
 */
export async function publishDue(db: Kysely<Tables>, now: string) {
  return db
    .updateTable("articles")
    .set((eb) => ({
      status: "published",
      first_published_at: eb.fn.coalesce("first_published_at", "published_at"),
    }))
    .where("status", "=", "scheduled")
    .where("published_at", "<=", now)
    .returning(["id", "category_id"])
    .execute();
}

export async function anyDue(db: Kysely<Tables>, now: string): Promise<boolean> {
  const row = await db
    .selectFrom("articles")
    .select("id")
    .where("status", "=", "scheduled")
    .where("published_at", "<=", now)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function tagIdsOf(db: Kysely<Tables>, articleIds: readonly number[]) {
  if (articleIds.length === 0) return [];
  return db
    .selectFrom("article_tags")
    .select(["article_id", "tag_id"])
    .where("article_id", "in", articleIds)
    .execute();
}

export async function authorIdsOf(db: Kysely<Tables>, articleIds: readonly number[]) {
  if (articleIds.length === 0) return [];
  return db
    .selectFrom("article_authors")
    .select(["article_id", "user_id"])
    .where("article_id", "in", articleIds)
    .execute();
}
