import type { Kysely } from "kysely";

/**
 * Frozen in time. `site_pages.version`: counts a page's saves, from 1. The form carries the
 * version it was opened on, and a save on an older one is refused with the typed text kept: two
 * people saving one page lost the first one's text without a word.
 */
export function pageVersions() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable("site_pages")
        .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
        .execute();
    },
  };
}
