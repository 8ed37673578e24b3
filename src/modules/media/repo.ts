import { sql, type Insertable, type Kysely, type Updateable } from "kysely";
import type { Tables } from "../../db/schema.js";
import type { MediaTable, MediaVariantsTable } from "./table.js";

export async function insertItem(db: Kysely<Tables>, values: Insertable<MediaTable>) {
  const row = await db.insertInto("media").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function find(db: Kysely<Tables>, id: number) {
  return db.selectFrom("media").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findMany(db: Kysely<Tables>, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom("media").selectAll().where("id", "in", ids).execute();
}

export async function variantsOf(db: Kysely<Tables>, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom("media_variants").selectAll().where("media_id", "in", ids).execute();
}

/** "%text%" for LIKE, its own wildcards taken literally (escaped with "!"). */
function containing(text: string): string {
  return `%${text.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

/**
 * The library's filter: the words anywhere in the name, the alternative text, the caption or the
 * credit, case aside (lower() of both sides: ASCII on SQLite, every letter on PostgreSQL).
 */
function matching(q: string) {
  const pattern = containing(q);
  const columns = ["filename", "alt", "caption", "credit"] as const;
  return sql<boolean>`(${sql.join(
    columns.map((c) => sql`lower(${sql.ref(c)}) like ${pattern} escape '!'`),
    sql` or `,
  )})`;
}

export async function count(db: Kysely<Tables>, q: string) {
  let query = db.selectFrom("media").select((eb) => eb.fn.countAll().as("n"));
  if (q !== "") query = query.where(matching(q));
  return (await query.executeTakeFirstOrThrow()).n;
}

/** Newest first; the id breaks ties between uploads of the same millisecond. */
export async function list(db: Kysely<Tables>, q: string, limit: number, offset: number) {
  let query = db.selectFrom("media").selectAll();
  if (q !== "") query = query.where(matching(q));
  return query
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function updateItem(
  db: Kysely<Tables>,
  id: number,
  values: Updateable<MediaTable>,
): Promise<boolean> {
  const result = await db.updateTable("media").set(values).where("id", "=", id).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Ids, among `ids`, of images that exist and have no alternative text. */
export async function withoutAlt(db: Kysely<Tables>, ids: readonly number[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("media")
    .select("id")
    .where("id", "in", ids)
    .where("alt", "=", "")
    .orderBy("id")
    .execute();
  return rows.map((r) => r.id);
}

export async function existing(db: Kysely<Tables>, ids: readonly number[]) {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom("media").select("id").where("id", "in", ids).execute();
  return rows.map((r) => r.id);
}

/** Ids of the images stored under these keys (a master's or a variant's). */
export async function idsForKeys(db: Kysely<Tables>, keys: readonly string[]) {
  if (keys.length === 0) return [];
  const [masters, variants] = await Promise.all([
    db.selectFrom("media").select("id").where("master_key", "in", keys).execute(),
    db.selectFrom("media_variants").select("media_id as id").where("key", "in", keys).execute(),
  ]);
  return [...new Set([...masters, ...variants].map((r) => r.id))];
}

export async function articlesUsing(db: Kysely<Tables>, mediaId: number) {
  const rows = await db
    .selectFrom("media_usage")
    .select("article_id")
    .where("media_id", "=", mediaId)
    .orderBy("article_id")
    .execute();
  return rows.map((r) => r.article_id);
}

/** Which of these images each article uses: the library shows where each is. */
export async function usageOfMany(db: Kysely<Tables>, mediaIds: readonly number[]) {
  if (mediaIds.length === 0) return [];
  return db
    .selectFrom("media_usage")
    .select(["media_id", "article_id"])
    .where("media_id", "in", mediaIds)
    .orderBy("article_id")
    .execute();
}

export async function pagesUsing(db: Kysely<Tables>, mediaId: number) {
  const rows = await db
    .selectFrom("media_page_usage")
    .select("page_id")
    .where("media_id", "=", mediaId)
    .orderBy("page_id")
    .execute();
  return rows.map((r) => r.page_id);
}

/** Which of these images each site page uses. */
export async function pageUsageOfMany(db: Kysely<Tables>, mediaIds: readonly number[]) {
  if (mediaIds.length === 0) return [];
  return db
    .selectFrom("media_page_usage")
    .select(["media_id", "page_id"])
    .where("media_id", "in", mediaIds)
    .orderBy("page_id")
    .execute();
}

export async function replacePageUsage(
  db: Kysely<Tables>,
  pageId: number,
  mediaIds: readonly number[],
): Promise<void> {
  await db.deleteFrom("media_page_usage").where("page_id", "=", pageId).execute();
  if (mediaIds.length === 0) return;
  await db
    .insertInto("media_page_usage")
    .values(mediaIds.map((media_id) => ({ media_id, page_id: pageId })))
    .execute();
}

export async function replaceUsage(
  db: Kysely<Tables>,
  articleId: number,
  mediaIds: readonly number[],
): Promise<void> {
  await db.deleteFrom("media_usage").where("article_id", "=", articleId).execute();
  if (mediaIds.length === 0) return;
  await db
    .insertInto("media_usage")
    .values(mediaIds.map((media_id) => ({ media_id, article_id: articleId })))
    .execute();
}

export async function deleteItem(db: Kysely<Tables>, id: number) {
  const keys = await db
    .selectFrom("media_variants")
    .select("key")
    .where("media_id", "=", id)
    .execute();
  await db.deleteFrom("media_variants").where("media_id", "=", id).execute();
  await db.deleteFrom("media").where("id", "=", id).execute();
  return keys.map((k) => k.key);
}

/** Images waiting for variants whose claim, if any, has lapsed; oldest first. */
export async function claimable(db: Kysely<Tables>, now: string, limit: number) {
  return db
    .selectFrom("media")
    .select("id")
    .where("status", "=", "processing")
    .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<", now)]))
    .orderBy("id")
    .limit(limit)
    .execute();
}

/**
 * Takes the image for this process until `until`, if no other process holds it: the condition
 * is checked by the UPDATE itself, so of several processes asking at once exactly one gets it.
 */
export async function claim(
  db: Kysely<Tables>,
  id: number,
  now: string,
  until: string,
): Promise<boolean> {
  const result = await db
    .updateTable("media")
    .set((eb) => ({ claimed_until: until, attempts: eb("attempts", "+", 1) }))
    .where("id", "=", id)
    .where("status", "=", "processing")
    .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<", now)]))
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/**
 * Ends a claim this process still holds (its `until` is the claim's mark: a claim taken over
 * after it lapsed has another), with the image ready or failed. False when the claim was lost.
 */
export async function finish(
  db: Kysely<Tables>,
  id: number,
  until: string,
  outcome: { status: "ready" | "failed"; failure: string | null; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable("media")
    .set({
      status: outcome.status,
      failure: outcome.failure,
      claimed_until: null,
      updated_at: outcome.at,
    })
    .where("id", "=", id)
    .where("status", "=", "processing")
    .where("claimed_until", "=", until)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function insertVariants(
  db: Kysely<Tables>,
  rows: readonly Insertable<MediaVariantsTable>[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto("media_variants")
    .values([...rows])
    .execute();
}

/** Images after `afterId`, in id order (an export reads the library a batch at a time). */
export async function itemsAfter(db: Kysely<Tables>, afterId: number, limit: number) {
  return db
    .selectFrom("media")
    .selectAll()
    .where("id", ">", afterId)
    .orderBy("id")
    .limit(limit)
    .execute();
}
