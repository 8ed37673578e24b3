import type { Kysely } from "kysely";

/**
 * Frozen in time. The duplicate rule asks "has this address posted this text on this article?"
 * on every post: with (email_hash, article_id) in one index, no planner answers it by reading
 * every comment of a busy article instead. The "first comment" rule still finds an address's
 * history by the index's first column.
 */
export function authorIndex() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex("comments_email_hash").execute();
      await db.schema
        .createIndex("comments_author")
        .on("comments")
        .columns(["email_hash", "article_id", "status"])
        .execute();
    },
  };
}
