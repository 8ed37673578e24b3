import type { Kysely } from "kysely";

/**
 * Frozen in time. GIF replies in comments (issue 12):
 *
 * - `gif_searches`: the provider's answers to a search or trending page, shared by every process
 *   and instance (one key's quota serves them all), until `expires_at`; an expired row is still
 *   served when the provider cannot answer.
 * - `gif_offers`: every GIF a provider's answer offered, by its id: a reader attaches an id that
 *   Kiosque's own search returned, never a URL, and the media URLs to fetch come from here.
 * - `comment_gifs`: the GIF a comment carries, kept by Kiosque (its bytes in the media store,
 *   under `media_key`, and a still frame under `still_key`) so a published comment keeps it when
 *   the provider deletes it or goes away.
 */
export function gifs() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("gif_searches")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("provider", "text", (c) => c.notNull())
        .addColumn("results", "text", (c) => c.notNull())
        .addColumn("next", "text")
        .addColumn("fetched_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("gif_searches_fetched")
        .on("gif_searches")
        .column("fetched_at")
        .execute();
      await db.schema
        .createTable("gif_offers")
        .addColumn("provider", "text", (c) => c.notNull())
        .addColumn("gif_id", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("offer", "text", (c) => c.notNull())
        .addColumn("offered_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("gif_offers_pk", ["provider", "gif_id"])
        .execute();
      await db.schema
        .createIndex("gif_offers_offered")
        .on("gif_offers")
        .column("offered_at")
        .execute();
      await db.schema
        .createTable("comment_gifs")
        .addColumn("comment_id", "integer", (c) =>
          c.primaryKey().references("comments.id").onDelete("cascade"),
        )
        .addColumn("provider", "text", (c) => c.notNull())
        .addColumn("gif_id", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("width", "integer", (c) => c.notNull())
        .addColumn("height", "integer", (c) => c.notNull())
        .addColumn("media_key", "text", (c) => c.notNull())
        .addColumn("media_type", "text", (c) => c.notNull())
        .addColumn("still_key", "text")
        .addColumn("bytes", "integer", (c) => c.notNull())
        .addColumn("kept_at", "text", (c) => c.notNull())
        .execute();
    },
  };
}
