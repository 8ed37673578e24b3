import { sql, type Kysely } from "kysely";

/**
 * Frozen in time. `articles.first_published_at`: when readers first saw the article (ISO 8601
 * UTC), null while they never have. It was read from `published_at`, which a schedule moves to
 * its date to come and a withdrawn schedule empties: an article seen, scheduled, withdrawn and
 * renamed lost its old address (404, not 301) and came back dated the day it came back.
 *
 * Filled in for the rows already there from what they still tell: a published article's date;
 * a draft's or a submitted article's past date (only an unpublication keeps one); otherwise the
 * first old slug it kept, since only an article readers saw keeps its old slugs (a WordPress
 * post's `_wp_old_slug` too). A scheduled article seen before its schedule, and never renamed,
 * left no trace: it counts as seen when it goes out.
 */
export function firstPublication() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("articles").addColumn("first_published_at", "text").execute();
      // Of drafts and submitted articles, only one unpublished keeps a date that has come.
      const now = new Date().toISOString();
      const unpublished = sql`status in ('draft', 'review') and published_at <= ${now}`;
      await sql`update articles set first_published_at = published_at
        where status = 'published' or (${unpublished})`.execute(db);
      await sql`update articles set first_published_at =
          (select min(s.created_at) from article_slugs s where s.article_id = articles.id)
        where first_published_at is null
          and exists (select 1 from article_slugs s where s.article_id = articles.id)`.execute(db);
    },
  };
}
