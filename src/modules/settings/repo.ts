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

export async function statusRow(db: Kysely<Tables>, name: string) {
  return db
    .selectFrom("integration_status")
    .select(["ok_at", "error", "error_at"])
    .where("name", "=", name)
    .executeTakeFirst();
}

export async function recordOk(db: Kysely<Tables>, name: string, at: string): Promise<void> {
  await db
    .insertInto("integration_status")
    .values({ name, ok_at: at, error: null, error_at: null })
    .onConflict((oc) => oc.column("name").doUpdateSet({ ok_at: at }))
    .execute();
}

export async function recordError(
  db: Kysely<Tables>,
  name: string,
  error: string,
  at: string,
): Promise<void> {
  await db
    .insertInto("integration_status")
    .values({ name, ok_at: null, error, error_at: at })
    .onConflict((oc) => oc.column("name").doUpdateSet({ error, error_at: at }))
    .execute();
}

export async function forgetStatus(db: Kysely<Tables>, name: string): Promise<void> {
  await db.deleteFrom("integration_status").where("name", "=", name).execute();
}
