import type { Kysely } from "kysely";

/**
 * Frozen in time. A page of threads is read by (root_id IN …, status): with status in the index,
 * no planner takes the moderation queue's (status, created_at) index for it, which would walk
 * every approved comment of the site.
 */
export function threadIndex() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex("comments_root").execute();
      await db.schema
        .createIndex("comments_thread")
        .on("comments")
        .columns(["root_id", "status", "created_at"])
        .execute();
    },
  };
}
