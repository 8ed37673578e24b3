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

export async function count(db: Kysely<Tables>) {
  const row = await db
    .selectFrom("redirects")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}
