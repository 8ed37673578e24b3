import type { Kysely } from "kysely";

/**
 * Frozen in time. The reader's journey (issue 14):
 *
 * - `refused_comment_forms`: a comment form refused without JavaScript, kept a few minutes so that
 *   the 303 after the post can land on a page holding it (decision 022). `token_hash` is a keyed
 *   hash of the random token in the reader's cookie (the table holds no usable key); `form` the
 *   values as typed and a problem per field (JSON); `expires_at` an ISO date, indexed for pruning.
 * - `articles.language`: the article's language (a BCP 47 tag), null for the site's own.
 */
export function refusedFormsAndArticleLanguage() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("refused_comment_forms")
        .addColumn("token_hash", "text", (c) => c.primaryKey().notNull())
        .addColumn("article_id", "integer", (c) => c.notNull())
        .addColumn("form", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("refused_comment_forms_expires_at")
        .on("refused_comment_forms")
        .column("expires_at")
        .execute();
      await db.schema.alterTable("articles").addColumn("language", "text").execute();
    },
  };
}
