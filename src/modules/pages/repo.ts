import type { Insertable, Kysely } from "kysely";
import type { Tables } from "../../db/schema.js";
import type { SitePagesTable } from "./table.js";

export async function publishedBySlug(db: Kysely<Tables>, slug: string) {
  return db
    .selectFrom("site_pages")
    .selectAll()
    .where("slug", "=", slug)
    .where("status", "=", "published")
    .executeTakeFirst();
}

export async function footer(db: Kysely<Tables>) {
  return db
    .selectFrom("site_pages")
    .select(["slug", "title"])
    .where("status", "=", "published")
    .where("in_footer", "=", 1)
    .orderBy("position")
    .orderBy("id")
    .execute();
}

export async function slugTaken(db: Kysely<Tables>, slug: string) {
  return (
    (await db.selectFrom("site_pages").select("id").where("slug", "=", slug).executeTakeFirst()) !==
    undefined
  );
}

export async function insert(db: Kysely<Tables>, values: Insertable<SitePagesTable>) {
  const row = await db
    .insertInto("site_pages")
    .values(values)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function slugsAndTitles(db: Kysely<Tables>, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("site_pages")
    .select(["id", "slug", "title"])
    .where("id", "in", ids)
    .execute();
}

export async function all(db: Kysely<Tables>) {
  return db.selectFrom("site_pages").selectAll().orderBy("position").orderBy("id").execute();
}

export async function update(
  db: Kysely<Tables>,
  id: number,
  values: Omit<Insertable<SitePagesTable>, "created_at">,
) {
  await db
    .updateTable("site_pages")
    .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
    .where("id", "=", id)
    .execute();
}
