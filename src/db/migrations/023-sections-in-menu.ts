import type { Kysely } from "kysely";

/**
 * Frozen in time. `categories.in_menu` (0/1): whether a section is in the site's menu and has
 * its block on the home page. Every section was, which a WordPress import of a site with 69
 * categories made a header of 69 links; hidden, a section keeps its page, its feeds and its
 * articles.
 */
export function sectionsInMenu() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable("categories")
        .addColumn("in_menu", "integer", (c) => c.notNull().defaultTo(1))
        .execute();
    },
  };
}
