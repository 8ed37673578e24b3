import type { Kysely } from "kysely";
import { compiledOnce } from "../../lib/compiled-once.js";
import type { Tables } from "../../db/schema.js";

/** Section, date and tags of the live articles among `ids` (the others are left out). */
export async function liveMeta(db: Kysely<Tables>, ids: readonly number[], now: string) {
  if (ids.length === 0) return [];
  const [rows, tags] = await Promise.all([
    db
      .selectFrom("articles")
      .select(["id", "category_id", "status", "published_at"])
      .where("id", "in", ids)
      .execute(),
    db
      .selectFrom("article_tags")
      .select(["article_id", "tag_id"])
      .where("article_id", "in", ids)
      .execute(),
  ]);
  // Filtered here, not in SQL: given the status and date, SQLite's planner would walk every
  // published article by its index rather than look up these few by key.
  const live = rows.filter(
    (r) => r.status === "published" && r.published_at !== null && r.published_at <= now,
  );
  return live.map((r) => ({
    id: r.id,
    categoryId: r.category_id,
    publishedAt: Date.parse(r.published_at ?? ""),
    tagIds: tags.filter((t) => t.article_id === r.id).map((t) => t.tag_id),
  }));
}

/** Live articles after `afterId`, their section, date and tags, a batch at a time. */
export async function liveMetaAfter(
  db: Kysely<Tables>,
  afterId: number,
  limit: number,
  now: string,
) {
  const rows = await db
    .selectFrom("articles")
    .select("id")
    .where("id", ">", afterId)
    .where("status", "=", "published")
    .where("published_at", "<=", now)
    .orderBy("id")
    .limit(limit)
    .execute();
  return liveMeta(
    db,
    rows.map((r) => r.id),
    now,
  );
}

export async function vectorOf(db: Kysely<Tables>, id: number) {
  return db
    .selectFrom("related_terms")
    .select(["term", "weight"])
    .where("article_id", "=", id)
    .execute();
}

export async function replaceVector(
  db: Kysely<Tables>,
  id: number,
  vector: readonly { term: string; weight: number }[],
) {
  await db.deleteFrom("related_terms").where("article_id", "=", id).execute();
  if (vector.length > 0)
    await db
      .insertInto("related_terms")
      .values(vector.map((v) => ({ article_id: id, term: v.term, weight: v.weight })))
      .execute();
}

export async function insertVectors(
  db: Kysely<Tables>,
  rows: readonly { article_id: number; term: string; weight: number }[],
) {
  if (rows.length === 0) return;
  await db
    .insertInto("related_terms")
    .values(rows)
    // Written by a save while a rebuild ran (rebuilds only insert): that save's is as current.
    .onConflict((oc) => oc.columns(["article_id", "term"]).doNothing())
    .execute();
}

/**
 * The strongest postings of each term, `perTerm` each: one index range per term read backwards
 * and stopped by its LIMIT, glued with UNION ALL (a window over the postings would read them all).
 */
export async function postings(db: Kysely<Tables>, terms: readonly string[], perTerm: number) {
  const parts = terms.map((term, i) =>
    db
      .selectFrom(
        db
          .selectFrom("related_terms")
          .select(["article_id", "term", "weight"])
          .where("term", "=", term)
          .orderBy("weight", "desc")
          .limit(perTerm)
          .as(`p${i}`),
      )
      .selectAll(),
  );
  const [first, ...rest] = parts;
  if (!first) return [];
  return rest.reduce((q, next) => q.unionAll(next), first).execute();
}

export async function listOf(db: Kysely<Tables>, id: number) {
  return db
    .selectFrom("related_lists")
    .select(["related_id", "score"])
    .where("article_id", "=", id)
    .orderBy("score", "desc")
    .orderBy("related_id", "desc")
    .execute();
}

export async function replaceList(
  db: Kysely<Tables>,
  id: number,
  list: readonly { id: number; score: number }[],
) {
  await db.deleteFrom("related_lists").where("article_id", "=", id).execute();
  if (list.length > 0)
    await db
      .insertInto("related_lists")
      .values(list.map((r) => ({ article_id: id, related_id: r.id, score: r.score })))
      .execute();
}

export async function insertLists(
  db: Kysely<Tables>,
  rows: readonly { article_id: number; related_id: number; score: number }[],
) {
  if (rows.length === 0) return;
  await db
    .insertInto("related_lists")
    .values(rows)
    // Placed by a save while a rebuild ran: the rebuild's score, over the whole index, stands.
    .onConflict((oc) =>
      oc.columns(["article_id", "related_id"]).doUpdateSet((eb) => ({
        score: eb.ref("excluded.score"),
      })),
    )
    .execute();
}

/** The lists that hold `id`. */
export async function listsHolding(db: Kysely<Tables>, id: number) {
  const rows = await db
    .selectFrom("related_lists")
    .select("article_id")
    .where("related_id", "=", id)
    .execute();
  return rows.map((r) => r.article_id);
}

/** For each of these articles: how long its list is, and its weakest score. */
export async function listEnds(db: Kysely<Tables>, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("related_lists")
    .select((eb) => [
      "article_id",
      eb.fn.countAll<number>().as("n"),
      eb.fn.min<number>("score").as("weakest"),
    ])
    .where("article_id", "in", ids)
    .groupBy("article_id")
    .execute();
}

export async function deleteFromLists(db: Kysely<Tables>, id: number) {
  await db.deleteFrom("related_lists").where("related_id", "=", id).execute();
}

export async function putInList(
  db: Kysely<Tables>,
  listId: number,
  relatedId: number,
  s: number,
  keep: number,
) {
  await db
    .insertInto("related_lists")
    .values({ article_id: listId, related_id: relatedId, score: s })
    .onConflict((oc) => oc.columns(["article_id", "related_id"]).doUpdateSet({ score: s }))
    .execute();
  // Past `keep`, the weakest go.
  const extra = await db
    .selectFrom("related_lists")
    .select("related_id")
    .where("article_id", "=", listId)
    .orderBy("score", "desc")
    .orderBy("related_id", "desc")
    .offset(keep)
    .limit(100)
    .execute();
  if (extra.length > 0)
    await db
      .deleteFrom("related_lists")
      .where("article_id", "=", listId)
      .where(
        "related_id",
        "in",
        extra.map((e) => e.related_id),
      )
      .execute();
}

export async function clearAll(db: Kysely<Tables>) {
  await db.deleteFrom("related_lists").execute();
  await db.deleteFrom("related_terms").execute();
}

export async function pinsOf(db: Kysely<Tables>, id: number) {
  return db
    .selectFrom("related_pins")
    .select(["pinned_id", "position"])
    .where("article_id", "=", id)
    .orderBy("position")
    .execute();
}

/**
 * The articles that pin this one: their pages show it whatever their computed lists hold
 * (`related_pins_pinned`, migration 024).
 */
export async function pinnersOf(db: Kysely<Tables>, pinnedId: number) {
  const rows = await db
    .selectFrom("related_pins")
    .select("article_id")
    .where("pinned_id", "=", pinnedId)
    .execute();
  return rows.map((r) => r.article_id);
}

export async function replacePins(db: Kysely<Tables>, id: number, pinned: readonly number[]) {
  await db.deleteFrom("related_pins").where("article_id", "=", id).execute();
  if (pinned.length > 0)
    await db
      .insertInto("related_pins")
      .values(pinned.map((p, position) => ({ article_id: id, pinned_id: p, position })))
      .execute();
}

/**
 * An article's pins (in order) then its computed list (best first), each with its article's status
 * and date, in one round trip: the article page asks it on every render. Whether each is live is
 * decided by the caller: given the status and date, SQLite's planner would walk every published
 * article by its index rather than look up these few by key.
 */
const shown = compiledOnce((db: Kysely<Tables>, p: { id: number }) => {
  const pins = db
    .selectFrom("related_pins as p")
    .innerJoin("articles as a", "a.id", "p.pinned_id")
    .select((eb) => [
      "a.id",
      "a.status",
      "a.published_at",
      eb.val(0).as("pinned"),
      eb.cast<number>("p.position", "real").as("rank"),
    ])
    .where("p.article_id", "=", p.id);
  const computed = db
    .selectFrom("related_lists as l")
    .innerJoin("articles as a", "a.id", "l.related_id")
    .select((eb) => [
      "a.id",
      "a.status",
      "a.published_at",
      eb.val(1).as("pinned"),
      eb.neg("l.score").as("rank"),
    ])
    .where("l.article_id", "=", p.id);
  return db
    .selectFrom(pins.unionAll(computed).as("shown"))
    .selectAll()
    .orderBy("pinned")
    .orderBy("rank")
    .orderBy("id", "desc");
});

export async function shownList(db: Kysely<Tables>, id: number) {
  return shown(db, { id });
}

/** Those of `ids` that readers see now. */
export async function liveIds(db: Kysely<Tables>, ids: readonly number[], now: string) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("articles")
    .select("id")
    .where("id", "in", ids)
    .where("status", "=", "published")
    .where("published_at", "<=", now)
    .execute();
  return rows.map((r) => r.id);
}

/** Article ids by slug (the CLI names articles by slug). */
export async function idsBySlug(db: Kysely<Tables>, slugs: readonly string[]) {
  if (slugs.length === 0) return [];
  return db.selectFrom("articles").select(["id", "slug"]).where("slug", "in", slugs).execute();
}

export async function slugsOf(db: Kysely<Tables>, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom("articles").select(["id", "slug"]).where("id", "in", ids).execute();
}
