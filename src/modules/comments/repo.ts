import type { Insertable, Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import type { CommentStatus, CommentsTable } from "./table.js";

/** Columns that may leave the server: no e-mail, no IP hash. */
const publicColumns = [
  "id",
  "article_id",
  "parent_id",
  "root_id",
  "depth",
  "author_name",
  "author_website",
  "body",
  "status",
  "created_at",
  "email_hash",
] as const;

export async function insert(
  db: Kysely<Database>,
  values: Insertable<CommentsTable>,
): Promise<number> {
  const row = await db
    .insertInto("comments")
    .values(values)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setRoot(db: Kysely<Database>, id: number, rootId: number): Promise<void> {
  await db.updateTable("comments").set({ root_id: rootId }).where("id", "=", id).execute();
}

export async function findById(db: Kysely<Database>, id: number) {
  return db
    .selectFrom("comments")
    .select([...publicColumns])
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function hasApproved(db: Kysely<Database>, emailHash: string): Promise<boolean> {
  const row = await db
    .selectFrom("comments")
    .select("id")
    .where("email_hash", "=", emailHash)
    .where("status", "=", "approved")
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function existsSame(
  db: Kysely<Database>,
  articleId: number,
  emailHash: string,
  body: string,
) {
  const row = await db
    .selectFrom("comments")
    .select("id")
    .where("email_hash", "=", emailHash)
    .where("article_id", "=", articleId)
    .where("body", "=", body)
    .where("status", "!=", "trash")
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Top-level comments this reader can see: approved ones, plus the reader's own pending ones. */
function visibleRoots(db: Kysely<Database>, articleId: number, ownIds: readonly number[]) {
  return db
    .selectFrom("comments")
    .where("article_id", "=", articleId)
    .where("parent_id", "is", null)
    .where((eb) =>
      ownIds.length > 0
        ? eb.or([
            eb("status", "=", "approved"),
            eb.and([eb("status", "=", "pending"), eb("id", "in", ownIds)]),
          ])
        : eb("status", "=", "approved"),
    );
}

export async function countRoots(
  db: Kysely<Database>,
  articleId: number,
  ownIds: readonly number[],
) {
  const row = await visibleRoots(db, articleId, ownIds)
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** How many visible roots come before this one in the reading order: which page it is on. */
export async function countRootsBefore(
  db: Kysely<Database>,
  articleId: number,
  ownIds: readonly number[],
  root: { id: number; created_at: string },
  order: "oldest" | "newest",
) {
  const op = order === "oldest" ? "<" : ">";
  const row = await visibleRoots(db, articleId, ownIds)
    .where((eb) =>
      eb.or([
        eb("created_at", op, root.created_at),
        eb.and([eb("created_at", "=", root.created_at), eb("id", op, root.id)]),
      ]),
    )
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function pageOfRoots(
  db: Kysely<Database>,
  articleId: number,
  ownIds: readonly number[],
  order: "oldest" | "newest",
  limit: number,
  offset: number,
) {
  const dir = order === "oldest" ? "asc" : "desc";
  return visibleRoots(db, articleId, ownIds)
    .select("id")
    .orderBy("created_at", dir)
    .orderBy("id", dir)
    .limit(limit)
    .offset(offset)
    .execute();
}

/** Every visible comment of the given threads, oldest first (replies read in order). */
export async function threads(
  db: Kysely<Database>,
  rootIds: readonly number[],
  ownIds: readonly number[],
) {
  if (rootIds.length === 0) return [];
  return db
    .selectFrom("comments")
    .select([...publicColumns])
    .where("root_id", "in", rootIds)
    .where((eb) =>
      ownIds.length > 0
        ? eb.or([
            eb("status", "=", "approved"),
            eb.and([eb("status", "=", "pending"), eb("id", "in", ownIds)]),
          ])
        : eb("status", "=", "approved"),
    )
    .orderBy("created_at", "asc")
    .orderBy("id", "asc")
    .execute();
}

export async function countApproved(db: Kysely<Database>, articleId: number) {
  const row = await db
    .selectFrom("comments")
    .where("article_id", "=", articleId)
    .where("status", "=", "approved")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function setStatus(
  db: Kysely<Database>,
  id: number,
  status: CommentStatus,
): Promise<void> {
  await db.updateTable("comments").set({ status }).where("id", "=", id).execute();
}

/** For operators (CLI, later the moderation desk): includes the e-mail, never shown to readers. */
export async function listForStaff(
  db: Kysely<Database>,
  status: CommentStatus | undefined,
  limit: number,
) {
  return db
    .selectFrom("comments as c")
    .innerJoin("articles as a", "a.id", "c.article_id")
    .select([
      "c.id",
      "c.status",
      "c.created_at",
      "c.author_name",
      "c.author_email",
      "c.author_website",
      "c.body",
      "c.parent_id",
      "a.slug as article_slug",
    ])
    .$if(status !== undefined, (q) => q.where("c.status", "=", status as CommentStatus))
    .orderBy("c.created_at", "desc")
    .orderBy("c.id", "desc")
    .limit(limit)
    .execute();
}
