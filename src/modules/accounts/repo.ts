import type { Insertable, Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import type { UsersTable } from "./table.js";

export async function insert(
  db: Kysely<Database>,
  values: Insertable<UsersTable>,
): Promise<number> {
  const row = await db.insertInto("users").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function findByEmail(db: Kysely<Database>, email: string) {
  return db
    .selectFrom("users")
    .select(["id", "email", "name", "slug", "role"])
    .where("email", "=", email)
    .executeTakeFirst();
}

export async function slugTaken(db: Kysely<Database>, slug: string): Promise<boolean> {
  return (
    (await db.selectFrom("users").select("id").where("slug", "=", slug).executeTakeFirst()) !==
    undefined
  );
}
