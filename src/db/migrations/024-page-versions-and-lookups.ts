import type { Kysely } from "kysely";

/**
 * Frozen in time.
 *
 * - `site_pages.version`: counts a page's saves, from 1. The form carries the version it was
 *   opened on, and a save on an older one is refused with the typed text kept: two people saving
 *   one page lost the first one's text without a word.
 * - `related_pins_pinned`: the articles that pin one, looked up at each save of it (their pages
 *   show it, and must drop from the cache when it changes).
 * - `comment_gifs_media`, `comment_gifs_still`: whether another comment still shows a kept GIF's
 *   file, looked up before the file is deleted (kept GIFs are shared by content).
 */
export function pageVersionsAndLookups() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable("site_pages")
        .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema
        .createIndex("related_pins_pinned")
        .on("related_pins")
        .column("pinned_id")
        .execute();
      await db.schema
        .createIndex("comment_gifs_media")
        .on("comment_gifs")
        .column("media_key")
        .execute();
      await db.schema
        .createIndex("comment_gifs_still")
        .on("comment_gifs")
        .column("still_key")
        .execute();
    },
  };
}
