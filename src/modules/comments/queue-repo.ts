import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from "kysely";
import type { Tables } from "../../db/schema.js";
import type { CommentStatus } from "./table.js";

/**
 * The moderation desk's reads and bulk writes: queues by status, newest first (comments_queue),
 * narrowed by article or by a search, and status changes on many comments at once.
 */

/** What narrows a queue. `search` is already parsed (queue.ts). */
export interface QueueWhere {
  status: CommentStatus;
  articleId?: number | undefined;
  search?: Search | undefined;
}

/**
 * A search, as the desk understands what was typed: a comment's number (`#123`), a whole e-mail
 * address (by its keyed hash, served by comments_author), or words looked for in the author's
 * name and address, the text and the article's title.
 */
export type Search =
  | { kind: "id"; id: number }
  | { kind: "email"; emailHash: string }
  | { kind: "text"; pattern: string };

/** `%text%` for LIKE, with LIKE's own wildcards and the escape character taken literally. */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

type From = ExpressionBuilder<Tables & { c: Tables["comments"] }, "c">;

const contains = (column: string, pattern: string) =>
  sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;

function searchCondition(eb: From, search: Search): Expression<SqlBool> {
  if (search.kind === "id") return eb("c.id", "=", search.id);
  if (search.kind === "email") return eb("c.email_hash", "=", search.emailHash);
  const p = search.pattern;
  return eb.or([
    contains("c.author_name", p),
    contains("c.author_email", p),
    contains("c.body", p),
    eb("c.article_id", "in", eb.selectFrom("articles").select("id").where(contains("title", p))),
  ]);
}

/**
 * The comments a queue holds, from the comments alone: its count and a bulk action's batches
 * walk comments_queue without touching an article (the join cost a count of 2,000 pending
 * comments 10 ms, on every newsroom page); a page joins its 50 comments' articles.
 */
function queue(db: Kysely<Tables>, where: QueueWhere) {
  const { status, articleId, search } = where;
  return db
    .selectFrom("comments as c")
    .where("c.status", "=", status)
    .$if(articleId !== undefined, (q) => q.where("c.article_id", "=", articleId as number))
    .$if(search !== undefined, (q) => q.where((eb) => searchCondition(eb, search as Search)));
}

/** One page of a queue, newest first. */
export async function queuePage(
  db: Kysely<Tables>,
  where: QueueWhere,
  limit: number,
  offset: number,
) {
  return queue(db, where)
    .innerJoin("articles as a", "a.id", "c.article_id")
    .select([
      "c.id",
      "c.article_id",
      "c.parent_id",
      "c.author_name",
      "c.author_email",
      "c.author_website",
      "c.body",
      "c.status",
      "c.created_at",
      "c.featured_at",
      "c.staff_user_id",
      "c.client_key",
      "c.kind",
      "a.slug as article_slug",
      "a.title as article_title",
    ])
    .orderBy("c.created_at", "desc")
    .orderBy("c.id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
}

/**
 * How many comments a queue holds, counted up to `atMost` only: a count of the million approved
 * comments would read them all on every desk page; "10,000+" says enough.
 */
export async function countQueue(db: Kysely<Tables>, where: QueueWhere, atMost: number) {
  const row = await db
    .selectFrom(queue(db, where).select("c.id").limit(atMost).as("q"))
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** A comment's place in its queue's order, to bound a bulk action to what the desk showed. */
export interface QueueMark {
  createdAt: string;
  id: number;
}

/**
 * The next batch of a queue, newest first, strictly after `after` (the last of the previous
 * batch, or the newest comment the moderator saw, included). Ids and articles only.
 */
export async function queueBatch(
  db: Kysely<Tables>,
  where: QueueWhere,
  bound: { at: QueueMark; inclusive: boolean },
  limit: number,
) {
  const { at, inclusive } = bound;
  return queue(db, where)
    .where((eb) =>
      eb.or([
        eb("c.created_at", "<", at.createdAt),
        eb.and([eb("c.created_at", "=", at.createdAt), eb("c.id", inclusive ? "<=" : "<", at.id)]),
      ]),
    )
    .select(["c.id", "c.created_at"])
    .orderBy("c.created_at", "desc")
    .orderBy("c.id", "desc")
    .limit(limit)
    .execute();
}

/** Status, article and whether the comment was featured, for a set of comments. */
export async function statesOf(db: Kysely<Tables>, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("comments")
    .select(["id", "article_id", "status", "created_at"])
    .where("id", "in", ids)
    .execute();
}

export async function setStatusOf(
  db: Kysely<Tables>,
  ids: readonly number[],
  status: CommentStatus,
): Promise<void> {
  if (ids.length > 0)
    await db.updateTable("comments").set({ status }).where("id", "in", ids).execute();
}

/** The full row of one comment, for the newsroom (e-mail and client key included). */
export async function staffRow(db: Kysely<Tables>, id: number) {
  return db
    .selectFrom("comments as c")
    .innerJoin("articles as a", "a.id", "c.article_id")
    .select([
      "c.id",
      "c.article_id",
      "c.parent_id",
      "c.root_id",
      "c.depth",
      "c.author_name",
      "c.author_email",
      "c.author_website",
      "c.body",
      "c.status",
      "c.created_at",
      "c.featured_at",
      "c.staff_user_id",
      "c.email_hash",
      "c.client_key",
      "c.kind",
      "a.slug as article_slug",
      "a.title as article_title",
    ])
    .where("c.id", "=", id)
    .executeTakeFirst();
}

export async function updateText(
  db: Kysely<Tables>,
  id: number,
  values: { author_name: string; author_website: string | null; body: string },
): Promise<void> {
  await db.updateTable("comments").set(values).where("id", "=", id).execute();
}

export async function insertEdit(
  db: Kysely<Tables>,
  values: {
    comment_id: number;
    edited_by: number;
    edited_at: string;
    author_name: string;
    author_website: string | null;
    body: string;
  },
): Promise<void> {
  await db.insertInto("comment_edits").values(values).execute();
}

/** The texts each of these comments had before the newsroom edited them, oldest first. */
export async function editsOf(db: Kysely<Tables>, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("comment_edits")
    .selectAll()
    .where("comment_id", "in", ids)
    .orderBy("id")
    .execute();
}

export async function setFeatured(
  db: Kysely<Tables>,
  id: number,
  at: string | null,
): Promise<void> {
  await db.updateTable("comments").set({ featured_at: at }).where("id", "=", id).execute();
}
