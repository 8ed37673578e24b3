import type { Kysely } from "kysely";
import { compiledOnce, inList } from "../../lib/compiled-once.js";
import type { Tables } from "../../db/schema.js";
import type { CommentGifsTable } from "./table.js";

export async function cachedSearch(db: Kysely<Tables>, key: string) {
  return db
    .selectFrom("gif_searches")
    .select(["provider", "results", "next", "expires_at"])
    .where("key", "=", key)
    .executeTakeFirst();
}

export async function saveSearch(
  db: Kysely<Tables>,
  row: {
    key: string;
    provider: string;
    results: string;
    next: string | null;
    fetched_at: string;
    expires_at: string;
  },
): Promise<void> {
  await db
    .insertInto("gif_searches")
    .values(row)
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        provider: row.provider,
        results: row.results,
        next: row.next,
        fetched_at: row.fetched_at,
        expires_at: row.expires_at,
      }),
    )
    .execute();
}

/** Remembers what an answer offered, so a reader may attach one of these ids (and only these). */
export async function saveOffers(
  db: Kysely<Tables>,
  provider: string,
  offers: readonly { id: string; title: string; json: string }[],
  at: string,
): Promise<void> {
  if (offers.length === 0) return;
  await db
    .insertInto("gif_offers")
    .values(
      offers.map((o) => ({
        provider,
        gif_id: o.id,
        title: o.title,
        offer: o.json,
        offered_at: at,
      })),
    )
    .onConflict((oc) =>
      oc.columns(["provider", "gif_id"]).doUpdateSet((eb) => ({
        title: eb.ref("excluded.title"),
        offer: eb.ref("excluded.offer"),
        offered_at: eb.ref("excluded.offered_at"),
      })),
    )
    .execute();
}

export async function offer(db: Kysely<Tables>, provider: string, id: string, since: string) {
  return db
    .selectFrom("gif_offers")
    .select(["title", "offer"])
    .where("provider", "=", provider)
    .where("gif_id", "=", id)
    .where("offered_at", ">=", since)
    .executeTakeFirst();
}

/** Forgets answers and offers older than `before`: a day's searches, not an archive. */
export async function prune(db: Kysely<Tables>, before: string): Promise<void> {
  await db.deleteFrom("gif_searches").where("fetched_at", "<", before).execute();
  await db.deleteFrom("gif_offers").where("offered_at", "<", before).execute();
}

export async function insertCommentGif(db: Kysely<Tables>, row: CommentGifsTable): Promise<void> {
  await db.insertInto("comment_gifs").values(row).execute();
}

/** Read with every article page: built once (compiled-once.ts). */
const gifsOfComments = compiledOnce((db: Kysely<Tables>, p: { ids: readonly number[] }) =>
  db
    .selectFrom("comment_gifs")
    .select(["comment_id", "title", "width", "height", "media_key", "media_type", "still_key"])
    .where("comment_id", "in", p.ids),
);

export async function commentGifs(db: Kysely<Tables>, commentIds: readonly number[]) {
  if (commentIds.length === 0) return [];
  return gifsOfComments(db, { ids: inList(commentIds) });
}

export async function deleteCommentGif(db: Kysely<Tables>, commentId: number) {
  return db
    .deleteFrom("comment_gifs")
    .where("comment_id", "=", commentId)
    .returning(["media_key", "still_key", "title"])
    .executeTakeFirst();
}

/**
 * Whether a comment still shows this file (as its animation or its still): read on removals, by
 * the two indexes of migration 024.
 */
export async function keyInUse(db: Kysely<Tables>, key: string): Promise<boolean> {
  const row = await db
    .selectFrom("comment_gifs")
    .select("comment_id")
    .where((eb) => eb.or([eb("media_key", "=", key), eb("still_key", "=", key)]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
