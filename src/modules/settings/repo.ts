import type { Kysely } from "kysely";
import type { Tables } from "../../db/schema.js";

export async function allRows(db: Kysely<Tables>) {
  return db.selectFrom("settings").select(["key", "value"]).execute();
}

export async function getRow(db: Kysely<Tables>, key: string) {
  return db.selectFrom("settings").select("value").where("key", "=", key).executeTakeFirst();
}

export async function upsert(db: Kysely<Tables>, key: string, value: string): Promise<void> {
  await db
    .insertInto("settings")
    .values({ key, value })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
    .execute();
}

/** Inserts only when absent; returns the stored value (ours or another instance's). */
export async function insertIfAbsent(
  db: Kysely<Tables>,
  key: string,
  value: string,
): Promise<string> {
  await db
    .insertInto("settings")
    .values({ key, value })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  const row = await getRow(db, key);
  return row?.value ?? value;
}
