import { sql, type Kysely } from "kysely";

/**
 * Frozen in time. An index for every foreign key that had none, so that deleting the row it
 * points to finds the rows that point to it without reading their whole table. Deleting one
 * comment made SQLite read every comment for its replies (`parent_id` led no index): 0.6 s a
 * comment at 1M comments, and the hourly job that forgets old spam (17,000 comments in the
 * bench's data) held a server's start for many minutes. Accounts are never deleted today; the
 * keys that point to them are indexed all the same, so the rule has no exception to remember
 * (test/integration/schema.test.ts holds every foreign key to it).
 *
 * The columns that are empty for most rows (a top-level comment has no parent, a reader's no
 * staff account) are indexed where set: a look-up by value never asks for an empty one.
 */
export function foreignKeyIndexes() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const whereSet: [name: string, table: string, column: string][] = [
        ["comments_parent", "comments", "parent_id"],
        ["comments_staff_user", "comments", "staff_user_id"],
        ["invitations_created_by", "invitations", "created_by"],
        ["article_revisions_saved_by", "article_revisions", "saved_by"],
      ];
      for (const [name, table, column] of whereSet)
        await db.schema
          .createIndex(name)
          .on(table)
          .column(column)
          .where(sql.ref(column), "is not", null)
          .execute();
      const everywhere: [name: string, table: string, column: string][] = [
        ["media_uploaded_by", "media", "uploaded_by"],
        ["article_autosaves_user", "article_autosaves", "user_id"],
      ];
      for (const [name, table, column] of everywhere)
        await db.schema.createIndex(name).on(table).column(column).execute();
    },
  };
}
