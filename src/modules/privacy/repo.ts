import type { Kysely } from "kysely";
import type { Tables } from "../../db/schema.js";

export async function saltFor(db: Kysely<Tables>, period: string) {
  return db.selectFrom("ip_salts").select("salt").where("period", "=", period).executeTakeFirst();
}

/** Inserts only when absent: when two instances race, both then read the winner's salt. */
export async function insertSalt(db: Kysely<Tables>, period: string, salt: string) {
  await db
    .insertInto("ip_salts")
    .values({ period, salt })
    .onConflict((oc) => oc.column("period").doNothing())
    .execute();
}

export async function deleteSaltsBefore(db: Kysely<Tables>, period: string): Promise<number> {
  const result = await db.deleteFrom("ip_salts").where("period", "<", period).executeTakeFirst();
  return Number(result.numDeletedRows);
}
