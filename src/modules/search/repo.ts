import { sql, type Kysely } from "kysely";
import type { Tables } from "../../db/schema.js";
import type { FullTextQuery } from "./full-text/full-text.js";
import type { Match } from "./query.js";

/** What an article gives the index, when readers see it now; undefined otherwise. */
export async function liveArticle(db: Kysely<Tables>, id: number, now: string) {
  const row = await db
    .selectFrom("articles")
    .select(["id", "title", "standfirst", "body_html"])
    .where("id", "=", id)
    .where("status", "=", "published")
    .where("published_at", "<=", now)
    .executeTakeFirst();
  if (!row) return undefined;
  const tags = await tagNames(db, [id]);
  return { ...row, tags: tags.map((t) => t.name) };
}

export async function tagNames(db: Kysely<Tables>, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("article_tags as at")
    .innerJoin("tags as t", "t.id", "at.tag_id")
    .select(["at.article_id", "t.name"])
    .where("at.article_id", "in", ids)
    .execute();
}

/** Live articles after `afterId`, in id order, a batch at a time (a reindex). */
export async function liveArticlesAfter(
  db: Kysely<Tables>,
  afterId: number,
  limit: number,
  now: string,
) {
  return db
    .selectFrom("articles")
    .select(["id", "title", "standfirst", "body_html"])
    .where("id", ">", afterId)
    .where("status", "=", "published")
    .where("published_at", "<=", now)
    .orderBy("id")
    .limit(limit)
    .execute();
}

export async function documentOf(db: Kysely<Tables>, id: number) {
  return db
    .selectFrom("search_documents")
    .select(["title_terms", "body_terms"])
    .where("article_id", "=", id)
    .executeTakeFirst();
}

export async function documentsAfter(db: Kysely<Tables>, afterId: number, limit: number) {
  return db
    .selectFrom("search_documents")
    .selectAll()
    .where("article_id", ">", afterId)
    .orderBy("article_id")
    .limit(limit)
    .execute();
}

export async function putDocument(
  db: Kysely<Tables>,
  doc: { article_id: number; title_terms: string; body_terms: string },
  exists: boolean,
) {
  // Update or insert, not an upsert: the FTS5 triggers of SQLite see either as it is.
  if (exists)
    await db
      .updateTable("search_documents")
      .set({ title_terms: doc.title_terms, body_terms: doc.body_terms })
      .where("article_id", "=", doc.article_id)
      .execute();
  else await db.insertInto("search_documents").values(doc).execute();
}

export async function insertDocuments(
  db: Kysely<Tables>,
  docs: readonly { article_id: number; title_terms: string; body_terms: string }[],
) {
  if (docs.length === 0) return;
  await db
    .insertInto("search_documents")
    // Written by a save while a rebuild ran (rebuilds only insert): that save's is the newer.
    .values(docs)
    .onConflict((oc) => oc.column("article_id").doNothing())
    .execute();
}

export async function deleteDocument(db: Kysely<Tables>, id: number) {
  await db.deleteFrom("search_documents").where("article_id", "=", id).execute();
}

/** Adds `by` (±1) to each term's document count; terms no document holds any more go. */
export async function countTerms(db: Kysely<Tables>, unordered: readonly string[], by: 1 | -1) {
  if (unordered.length === 0) return;
  // In one order for every writer: two publications at once on PostgreSQL lock their common
  // terms' rows one after the other instead of each holding some the other waits for.
  const terms = [...unordered].sort();
  if (by === 1)
    await db
      .insertInto("search_terms")
      .values(terms.map((term) => ({ term, df: 1 })))
      .onConflict((oc) =>
        oc.column("term").doUpdateSet((eb) => ({ df: eb("search_terms.df", "+", 1) })),
      )
      .execute();
  else {
    await db
      .updateTable("search_terms")
      .set((eb) => ({ df: eb("df", "-", 1) }))
      .where("term", "in", terms)
      .execute();
    await db.deleteFrom("search_terms").where("term", "in", terms).where("df", "<=", 0).execute();
  }
}

export async function insertTerms(
  db: Kysely<Tables>,
  rows: readonly { term: string; df: number }[],
) {
  if (rows.length === 0) return;
  await db
    .insertInto("search_terms")
    .values(rows)
    // Counted by a save while a rebuild ran: the rebuild's count, over every document, stands.
    .onConflict((oc) => oc.column("term").doUpdateSet((eb) => ({ df: eb.ref("excluded.df") })))
    .execute();
}

export async function frequencies(db: Kysely<Tables>, terms: readonly string[]) {
  if (terms.length === 0) return [];
  return db.selectFrom("search_terms").select(["term", "df"]).where("term", "in", terms).execute();
}

/** Every term and its count, in term order, a batch at a time. */
export async function termsAfter(db: Kysely<Tables>, after: string, limit: number) {
  return db
    .selectFrom("search_terms")
    .select(["term", "df"])
    .where("term", ">", after)
    .orderBy("term")
    .limit(limit)
    .execute();
}

/**
 * Vocabulary terms that begin with `first` and whose length is within one of `length`: the only
 * ones a one-letter typo can have come from (the first letter is trusted, which keeps this a
 * range of the primary key).
 */
export async function termsNear(db: Kysely<Tables>, first: string, length: number) {
  return db
    .selectFrom("search_terms")
    .select(["term", "df"])
    .where("term", ">=", first)
    .where("term", "<", String.fromCharCode(first.charCodeAt(0) + 1))
    .where((eb) => eb.fn("length", ["term"]), ">=", length - 1)
    .where((eb) => eb.fn("length", ["term"]), "<=", length + 1)
    .execute();
}

export async function clearIndex(db: Kysely<Tables>) {
  await db.deleteFrom("search_documents").execute();
  await db.deleteFrom("search_terms").execute();
}

export interface SearchFilter {
  now: string;
  categorySlug?: string | undefined;
  from?: string | undefined;
  until?: string | undefined;
}

function conditions(ft: FullTextQuery, m: Match, f: SearchFilter) {
  return sql.join(
    [
      ft.where(m),
      sql`a.status = 'published'`,
      sql`a.published_at <= ${f.now}`,
      ...(f.categorySlug !== undefined
        ? [sql`a.category_id = (select id from categories where slug = ${f.categorySlug})`]
        : []),
      ...(f.from !== undefined ? [sql`a.published_at >= ${f.from}`] : []),
      ...(f.until !== undefined ? [sql`a.published_at < ${f.until}`] : []),
    ],
    sql` and `,
  );
}

/**
 * The newest matching published documents (ids grow with time), newest first, `limit` at most,
 * with their headline terms (for the ranking, rank.ts): the engine's index gives them in id
 * order and stops at the limit, however many documents match.
 */
export async function candidates(
  db: Kysely<Tables>,
  ft: FullTextQuery,
  m: Match,
  f: SearchFilter,
  limit: number,
) {
  const result = await sql<{
    id: number;
    published_at: string;
    title_terms: string;
  }>`select a.id as id, a.published_at as published_at, d.title_terms as title_terms
    from ${ft.from(m)}
    where ${conditions(ft, m, f)}
    order by ${ft.id} desc
    limit ${limit}`.execute(db);
  return result.rows;
}

/** What a result shows, for articles known to be published, by id. */
export async function resultRows(db: Kysely<Tables>, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("articles as a")
    .innerJoin("categories as c", "c.id", "a.category_id")
    .select([
      "a.id",
      "a.slug",
      "a.title",
      "a.standfirst",
      "a.body_html",
      "a.published_at",
      "c.slug as category_slug",
      "c.name as category_name",
    ])
    .where("a.id", "in", ids)
    .execute();
}

export async function sections(db: Kysely<Tables>) {
  return db
    .selectFrom("categories")
    .select(["slug", "name"])
    .orderBy("position")
    .orderBy("name")
    .execute();
}
