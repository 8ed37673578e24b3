import type { Kysely } from "kysely";
import type { Tables } from "../../db/schema.js";

export async function find(db: Kysely<Tables>, path: string) {
  return db.selectFrom("redirects").select("target").where("path", "=", path).executeTakeFirst();
}

/** Adds or replaces redirects; the last import of an address wins. */
export async function put(
  db: Kysely<Tables>,
  rows: readonly { path: string; target: string; created_at: string }[],
) {
  // Parameters per statement stay far under both engines' limits (3 per row).
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto("redirects")
      .values(rows.slice(i, i + 200))
      .onConflict((oc) =>
        oc.column("path").doUpdateSet((eb) => ({ target: eb.ref("excluded.target") })),
      )
      .execute();
}

export async function remove(db: Kysely<Tables>, paths: readonly string[]) {
  // As put: parameters per statement far under both engines' limits.
  for (let i = 0; i < paths.length; i += 500)
    await db
      .deleteFrom("redirects")
      .where("path", "in", paths.slice(i, i + 500))
      .execute();
}

/** Scans the table (no index on `target`): for a page renamed, not for an import's rows. */
export async function retarget(db: Kysely<Tables>, from: string, to: string) {
  await db.updateTable("redirects").set({ target: to }).where("target", "=", from).execute();
}

export async function count(db: Kysely<Tables>) {
  const row = await db
    .selectFrom("redirects")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}
