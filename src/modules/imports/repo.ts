import { sql, type Kysely } from "kysely";
import type { Tables } from "../../db/schema.js";
import type { MappedKind } from "./table.js";

/** Kiosque ids of these WordPress ids of one kind. */
export async function mapped(
  db: Kysely<Tables>,
  kind: MappedKind,
  wpIds: readonly string[],
): Promise<Map<string, { id: number; detail: string | null }>> {
  const found = new Map<string, { id: number; detail: string | null }>();
  // Bound the parameters per statement (SQLite's default limit is 32,766; this is far below).
  for (let i = 0; i < wpIds.length; i += 500) {
    const rows = await db
      .selectFrom("wordpress_imports")
      .select(["wp_id", "kiosque_id", "detail"])
      .where("kind", "=", kind)
      .where("wp_id", "in", wpIds.slice(i, i + 500))
      .execute();
    for (const r of rows) found.set(r.wp_id, { id: r.kiosque_id, detail: r.detail });
  }
  return found;
}

export async function mappedOne(db: Kysely<Tables>, kind: MappedKind, wpId: string) {
  return db
    .selectFrom("wordpress_imports")
    .select(["kiosque_id", "detail"])
    .where("kind", "=", kind)
    .where("wp_id", "=", wpId)
    .executeTakeFirst();
}

export async function remember(
  db: Kysely<Tables>,
  rows: readonly { kind: MappedKind; wp_id: string; kiosque_id: number; detail?: string | null }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto("wordpress_imports")
      .values(rows.slice(i, i + 200).map((r) => ({ ...r, detail: r.detail ?? null })))
      .onConflict((oc) => oc.columns(["kind", "wp_id"]).doNothing())
      .execute();
}

/** The WordPress sites imported here (source-site.ts), by their key. */
export async function importedSites(db: Kysely<Tables>): Promise<string[]> {
  const rows = await db
    .selectFrom("wordpress_imports")
    .select("wp_id")
    .where("kind", "=", "site")
    .execute();
  return rows.map((r) => r.wp_id);
}

/** Attachments whose parent is this post (detail holds the parent's id). */
export async function childrenOf(db: Kysely<Tables>, postId: string) {
  return db
    .selectFrom("wordpress_imports")
    .select("kiosque_id")
    .where("kind", "=", "attachment")
    .where("detail", "=", postId)
    .execute();
}

/** Drops a site's key, replaced by a better one (source-site.ts). */
export async function forgetSite(db: Kysely<Tables>, key: string): Promise<void> {
  await db
    .deleteFrom("wordpress_imports")
    .where("kind", "=", "site")
    .where("wp_id", "=", key)
    .execute();
}

/** The largest ids of the tables an import fills: what was there before it began. */
export async function largestIds(
  db: Kysely<Tables>,
): Promise<{ article: number; page: number; comment: number }> {
  const [article, page, comment] = await Promise.all(
    (["articles", "site_pages", "comments"] as const).map(async (table) => {
      const row = await db
        .selectFrom(table)
        .select((eb) => eb.fn.max("id").as("id"))
        .executeTakeFirst();
      return Number(row?.id ?? 0);
    }),
  );
  return { article: article ?? 0, page: page ?? 0, comment: comment ?? 0 };
}

/**
 * A write that changes nothing, first in a transaction: it takes SQLite's write lock at once,
 * waiting its turn (busy_timeout) if the site is writing. A transaction that reads first and
 * writes then fails at once (SQLITE_BUSY_SNAPSHOT) when the site wrote in between: a reader's
 * comment stopped the import. PostgreSQL does nothing with it.
 */
export async function claimWriting(db: Kysely<Tables>): Promise<void> {
  await sql`update wordpress_imports set detail = detail where 1 = 0`.execute(db);
}
