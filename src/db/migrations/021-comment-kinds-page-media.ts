import { sql, type Kysely } from "kysely";

/**
 * Frozen in time. Issue 15's remainders:
 *
 * - `comments.kind`: `comment` (what readers write), `pingback` or `trackback` (another site
 *   saying it cites the article, as WordPress keeps them). Reader pages list the two last apart,
 *   as « Mentions », and the article's comment count leaves them out.
 * - The index of an article's threads gains `kind`, between the status and the parent: a page of
 *   threads and the comment count (kind = 'comment') stay index-only reads, and the mentions of
 *   an article are found by the same index.
 * - `media_page_usage`: which site page (`site_pages`) shows which image, as `media_usage` says
 *   it for articles: an image a page shows is in use.
 * - Pingbacks and trackbacks imported before this kept their kind in `wordpress_imports.detail`
 *   only: it is copied to `comments.kind`, and their articles' counts made again without them.
 */
export function commentKindsPageMedia() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable("comments")
        .addColumn("kind", "text", (c) => c.notNull().defaultTo("comment"))
        .execute();
      await db.schema.dropIndex("comments_article_status_root").execute();
      await db.schema
        .createIndex("comments_article_kind")
        .on("comments")
        .columns(["article_id", "status", "kind", "parent_id", "created_at"])
        .execute();
      await sql`
        update comments set kind = (
          select w.detail from wordpress_imports w
          where w.kind = 'comment' and w.kiosque_id = comments.id
        )
        where id in (
          select kiosque_id from wordpress_imports
          where kind = 'comment' and detail in ('pingback', 'trackback')
        )`.execute(db);
      await sql`
        update articles set comment_count = (
          select count(*) from comments c
          where c.article_id = articles.id and c.status = 'approved' and c.kind = 'comment'
        )
        where id in (select article_id from comments where kind <> 'comment')`.execute(db);

      await db.schema
        .createTable("media_page_usage")
        .addColumn("media_id", "integer", (c) => c.notNull().references("media.id"))
        .addColumn("page_id", "integer", (c) =>
          c.notNull().references("site_pages.id").onDelete("cascade"),
        )
        .addPrimaryKeyConstraint("media_page_usage_pk", ["media_id", "page_id"])
        .execute();
      await db.schema
        .createIndex("media_page_usage_page")
        .on("media_page_usage")
        .column("page_id")
        .execute();
    },
  };
}
