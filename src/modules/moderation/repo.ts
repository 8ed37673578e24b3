import type { Kysely } from "kysely";
import type { Tables } from "../../db/schema.js";

export async function appendLog(
  db: Kysely<Tables>,
  entry: { comment_id: number; actor: string; status: string; reasons: string; created_at: string },
): Promise<void> {
  await db.insertInto("moderation_log").values(entry).execute();
}

export async function logFor(db: Kysely<Tables>, commentId: number) {
  return db
    .selectFrom("moderation_log")
    .selectAll()
    .where("comment_id", "=", commentId)
    .orderBy("id")
    .execute();
}
