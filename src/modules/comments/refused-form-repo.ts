import type { Kysely } from "kysely";
import type { Tables } from "../../db/schema.js";

export async function keep(
  db: Kysely<Tables>,
  row: { token_hash: string; article_id: number; form: string; expires_at: string },
  now: string,
): Promise<void> {
  // Pruned by whoever writes next: the index on `expires_at` makes it a short range delete.
  await db.deleteFrom("refused_comment_forms").where("expires_at", "<=", now).execute();
  await db.insertInto("refused_comment_forms").values(row).execute();
}

export async function find(db: Kysely<Tables>, tokenHash: string, now: string) {
  return db
    .selectFrom("refused_comment_forms")
    .select(["article_id", "form"])
    .where("token_hash", "=", tokenHash)
    .where("expires_at", ">", now)
    .executeTakeFirst();
}

export async function forget(db: Kysely<Tables>, tokenHash: string): Promise<void> {
  await db.deleteFrom("refused_comment_forms").where("token_hash", "=", tokenHash).execute();
}
