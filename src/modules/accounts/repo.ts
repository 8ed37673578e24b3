import type { Insertable, Kysely } from "kysely";
import type { Tables } from "../../db/schema.js";
import type { UsersTable } from "./table.js";

export async function insert(db: Kysely<Tables>, values: Insertable<UsersTable>): Promise<number> {
  const row = await db.insertInto("users").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function findByEmail(db: Kysely<Tables>, email: string) {
  return db
    .selectFrom("users")
    .select(["id", "email", "name", "slug", "role"])
    .where("email", "=", email)
    .executeTakeFirst();
}

export async function slugTaken(db: Kysely<Tables>, slug: string): Promise<boolean> {
  return (
    (await db.selectFrom("users").select("id").where("slug", "=", slug).executeTakeFirst()) !==
    undefined
  );
}
