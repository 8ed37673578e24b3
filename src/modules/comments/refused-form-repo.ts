import type { Kysely } from "kysely";
import type { Tables } from "../../db/schema.js";

/** Forms past their time; returns how many went. */
export async function pruneExpired(db: Kysely<Tables>, now: string): Promise<number> {
  const done = await db
    .deleteFrom("refused_comment_forms")
    .where("expires_at", "<=", now)
    .executeTakeFirst();
  return Number(done.numDeletedRows);
}

export async function keep(
  db: Kysely<Tables>,
  row: { token_hash: string; article_id: number; form: string; expires_at: string },
  now: string,
): Promise<void> {
  // Pruned by whoever writes next (and hourly, by the retention job): the index on `expires_at`
  // makes it a short range delete.
  await pruneExpired(db, now);
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

/** Every kept form: a few rows at most, each gone in minutes. */
export async function all(db: Kysely<Tables>) {
  return db
    .selectFrom("refused_comment_forms")
    .select(["token_hash", "article_id", "form", "expires_at"])
    .execute();
}
