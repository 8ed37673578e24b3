import type { Insertable, Kysely, Updateable } from "kysely";
import type { Tables } from "../../db/schema.js";
import type { StaffSessionsTable, UsersTable } from "./table.js";

export async function insert(db: Kysely<Tables>, values: Insertable<UsersTable>): Promise<number> {
  const row = await db.insertInto("users").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function findByEmail(db: Kysely<Tables>, email: string) {
  return db
    .selectFrom("users")
    .select(["id", "email", "name", "slug", "role", "locale", "disabled_at", "totp_enabled_at"])
    .where("email", "=", email)
    .executeTakeFirst();
}

export async function passwordHashOf(db: Kysely<Tables>, id: number) {
  return (
    await db.selectFrom("users").select("password_hash").where("id", "=", id).executeTakeFirst()
  )?.password_hash;
}

export async function findById(db: Kysely<Tables>, id: number) {
  return db
    .selectFrom("users")
    .select(["id", "email", "name", "slug", "role", "locale", "disabled_at", "totp_enabled_at"])
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function list(db: Kysely<Tables>) {
  return db
    .selectFrom("users")
    .select(["id", "email", "name", "slug", "role", "locale", "disabled_at", "totp_enabled_at"])
    .orderBy("name")
    .orderBy("id")
    .execute();
}

export async function updateUser(
  db: Kysely<Tables>,
  id: number,
  values: Updateable<UsersTable>,
): Promise<number> {
  const result = await db.updateTable("users").set(values).where("id", "=", id).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function slugTaken(db: Kysely<Tables>, slug: string): Promise<boolean> {
  return (
    (await db.selectFrom("users").select("id").where("slug", "=", slug).executeTakeFirst()) !==
    undefined
  );
}

export async function insertSession(
  db: Kysely<Tables>,
  values: Insertable<StaffSessionsTable>,
): Promise<void> {
  await db.insertInto("staff_sessions").values(values).execute();
}

export async function sessionWithUser(db: Kysely<Tables>, idHash: string) {
  return db
    .selectFrom("staff_sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select([
      "s.user_id",
      "s.stage",
      "s.last_seen_at",
      "s.expires_at",
      "u.email",
      "u.name",
      "u.role",
      "u.locale",
      "u.disabled_at",
      "u.totp_enabled_at",
    ])
    .where("s.id_hash", "=", idHash)
    .executeTakeFirst();
}

export async function touchSession(db: Kysely<Tables>, idHash: string, at: string): Promise<void> {
  await db
    .updateTable("staff_sessions")
    .set({ last_seen_at: at })
    .where("id_hash", "=", idHash)
    .execute();
}

export async function deleteSession(db: Kysely<Tables>, idHash: string): Promise<void> {
  await db.deleteFrom("staff_sessions").where("id_hash", "=", idHash).execute();
}

export async function deleteSessionsOf(db: Kysely<Tables>, userId: number): Promise<number> {
  const result = await db.deleteFrom("staff_sessions").where("user_id", "=", userId).execute();
  return Number(result[0]?.numDeletedRows ?? 0);
}
