import { sql, type Insertable, type Kysely } from "kysely";
import { compiledOnce } from "../../lib/compiled-once.js";
import type { Tables } from "../../db/schema.js";
import { dayOf } from "../../lib/day-buckets.js";
import { comparedEmail } from "./email-hash.js";
import { mentionKinds, type CommentStatus, type CommentsTable } from "./table.js";

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
  "staff_user_id",
] as const;

/**
 * What a reader's own comments may be while they still see them, as held: a comment marked spam
 * looks to its sender exactly like one waiting for a moderator, so a bot learns nothing.
 */
const heldForAuthor: readonly CommentStatus[] = ["pending", "spam"];

export async function insert(
  db: Kysely<Tables>,
  values: Insertable<CommentsTable>,
): Promise<number> {
  const row = await db
    .insertInto("comments")
    .values(values)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Several comments in one statement; their ids in the order given. Both engines number the rows
 * of one statement in the order of its values, each above the last (SQLite's AUTOINCREMENT, a
 * PostgreSQL sequence called row after row), whatever order RETURNING lists them in.
 */
export async function insertMany(
  db: Kysely<Tables>,
  values: readonly Insertable<CommentsTable>[],
): Promise<number[]> {
  if (values.length === 0) return [];
  const rows = await db.insertInto("comments").values(values).returning("id").execute();
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

export async function setRoot(db: Kysely<Tables>, id: number, rootId: number): Promise<void> {
  await db.updateTable("comments").set({ root_id: rootId }).where("id", "=", id).execute();
}

/** Top-level comments of an article written without their root: each roots its own thread. */
export async function setOwnRoots(db: Kysely<Tables>, articleId: number): Promise<void> {
  await db
    .updateTable("comments")
    .set((eb) => ({ root_id: eb.ref("id") }))
    .where("article_id", "=", articleId)
    .where("root_id", "is", null)
    .execute();
}

export async function findById(db: Kysely<Tables>, id: number) {
  return db
    .selectFrom("comments")
    .select([...publicColumns, "kind"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** True when one of `ids` is a comment written with this address (an approved one, if asked). */
export async function writtenAmong(
  db: Kysely<Tables>,
  emailHash: string,
  ids: readonly number[],
  approvedOnly: boolean,
): Promise<boolean> {
  if (ids.length === 0) return false;
  let query = db
    .selectFrom("comments")
    .select("id")
    .where("id", "in", ids)
    .where("email_hash", "=", emailHash);
  if (approvedOnly) query = query.where("status", "=", "approved");
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}
/** The latest texts of one address on one article (not trashed), for the duplicate rule. */
export async function bodiesBy(
  db: Kysely<Tables>,
  articleId: number,
  poster: { emailHash: string; ids: readonly number[]; clientKey: string | null },
  limit: number,
): Promise<string[]> {
  const { emailHash, ids, clientKey } = poster;
  if (ids.length === 0 && clientKey === null) return [];
  const rows = await db
    .selectFrom("comments")
    .select("body")
    .where("email_hash", "=", emailHash)
    .where("article_id", "=", articleId)
    .where("status", "!=", "trash")
    .where((eb) =>
      eb.or([
        ...(ids.length > 0 ? [eb("id", "in", ids)] : []),
        ...(clientKey !== null ? [eb("client_key", "=", clientKey)] : []),
      ]),
    )
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => r.body);
}

/**
 * Top-level comments readers see: the index (article_id, status, parent_id, created_at) finds
 * them without reading the article's other comments, however many are held or spam.
 */
function approvedRoots(db: Kysely<Tables>, articleId: number) {
  return db
    .selectFrom("comments")
    .where("article_id", "=", articleId)
    .where("status", "=", "approved")
    .where("kind", "=", "comment")
    .where("parent_id", "is", null);
}

/** The reader's own held top-level comments on this article, looked up by id (at most 20). */
function ownPendingRoots(db: Kysely<Tables>, articleId: number, ownIds: readonly number[]) {
  return db
    .selectFrom("comments")
    .where("id", "in", ownIds)
    .where("article_id", "=", articleId)
    .where("status", "in", heldForAuthor)
    .where("parent_id", "is", null);
}

type Roots = ReturnType<typeof approvedRoots>;

const approvedRootCount = compiledOnce((db: Kysely<Tables>, p: { articleId: number }) =>
  approvedRoots(db, p.articleId).select((eb) => eb.fn.countAll().as("n")),
);

/**
 * Counts approved roots and the reader's own held ones apart, then adds: an `approved OR mine`
 * condition would keep either engine from narrowing by status.
 */
async function countVisible(
  db: Kysely<Tables>,
  articleId: number,
  ownIds: readonly number[],
  narrow?: (q: Roots) => Roots,
): Promise<number> {
  const count = async (q: Roots) =>
    Number(
      (
        await (narrow ? narrow(q) : q)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const approved = narrow
    ? await count(approvedRoots(db, articleId))
    : Number((await approvedRootCount(db, { articleId }))[0]?.n ?? 0);
  return ownIds.length > 0
    ? approved + (await count(ownPendingRoots(db, articleId, ownIds)))
    : approved;
}

export async function countRoots(
  db: Kysely<Tables>,
  articleId: number,
  ownIds: readonly number[],
): Promise<number> {
  return countVisible(db, articleId, ownIds);
}

/** How many visible roots come before this one in the reading order: which page it is on. */
export async function countRootsBefore(
  db: Kysely<Tables>,
  articleId: number,
  ownIds: readonly number[],
  root: { id: number; created_at: string },
  order: "oldest" | "newest",
): Promise<number> {
  const op = order === "oldest" ? "<" : ">";
  return countVisible(db, articleId, ownIds, (q) =>
    q.where((eb) =>
      eb.or([
        eb("created_at", op, root.created_at),
        eb.and([eb("created_at", "=", root.created_at), eb("id", op, root.id)]),
      ]),
    ),
  );
}

/** Approved top-level comments in reading order: the one order every page of them follows. */
const rootsInOrder = (db: Kysely<Tables>, articleId: number, dir: "asc" | "desc") =>
  approvedRoots(db, articleId).orderBy("created_at", dir).orderBy("id", dir);

const rootsPage = (dir: "asc" | "desc") =>
  compiledOnce((db: Kysely<Tables>, p: { articleId: number; limit: number; offset: number }) =>
    rootsInOrder(db, p.articleId, dir).select(["id", "created_at"]).limit(p.limit).offset(p.offset),
  );
const rootsPages = { oldest: rootsPage("asc"), newest: rootsPage("desc") };

const firstRootsOf = (dir: "asc" | "desc") =>
  compiledOnce((db: Kysely<Tables>, p: { articleId: number; limit: number }) =>
    rootsInOrder(db, p.articleId, dir)
      .select([...publicColumns])
      .limit(p.limit),
  );
const firstRootsPages = { oldest: firstRootsOf("asc"), newest: firstRootsOf("desc") };

/**
 * The first approved top-level comments whole, in reading order: the first page, most readers',
 * in one query. Further pages look their ids up on the index first (`pageOfRoots`): an offset
 * then skips index entries, not rows.
 */
export async function firstRoots(
  db: Kysely<Tables>,
  articleId: number,
  order: "oldest" | "newest",
  limit: number,
) {
  return firstRootsPages[order](db, { articleId, limit });
}

/** One page of approved top-level comments, in reading order. */
export async function pageOfRoots(
  db: Kysely<Tables>,
  articleId: number,
  order: "oldest" | "newest",
  limit: number,
  offset: number,
) {
  return rootsPages[order](db, { articleId, limit, offset });
}

const commentsOfIds = compiledOnce((db: Kysely<Tables>, p: { ids: readonly number[] }) =>
  db
    .selectFrom("comments")
    .select([...publicColumns])
    .where("id", "in", p.ids),
);

/** The given top-level comments, whatever their order (the caller has it). */
export async function commentsByIds(db: Kysely<Tables>, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return commentsOfIds(db, { ids });
}

/**
 * The first `shown` approved replies of each thread, oldest first, each with its thread's number
 * of approved replies: a thread of a thousand answers reads and shows a bounded part of them
 * (the rest are on the thread's own pages). Replies are read in order, so a shown reply's parent
 * is shown too.
 */
const firstRepliesOf = compiledOnce(
  (db: Kysely<Tables>, p: { rootIds: readonly number[]; shown: number }) =>
    db
      .selectFrom((qb) =>
        qb
          .selectFrom("comments")
          .select([...publicColumns])
          .select((eb) => [
            eb.fn
              .agg<number>("row_number", [])
              .over((ob) => ob.partitionBy("root_id").orderBy("created_at").orderBy("id"))
              .as("n"),
            eb.fn
              .countAll<number | string>()
              .over((ob) => ob.partitionBy("root_id"))
              .as("total"),
          ])
          .where("root_id", "in", p.rootIds)
          .where("parent_id", "is not", null)
          .where("status", "=", "approved")
          .as("r"),
      )
      .selectAll()
      .where("n", "<=", p.shown)
      .orderBy("created_at", "asc")
      .orderBy("id", "asc"),
);

/**
 * At most `limit` approved replies of these threads, in no order: enough to tell whether a page's
 * threads hold few replies (most pages), and then to need no numbering in SQL.
 */
const someRepliesOf = compiledOnce(
  (db: Kysely<Tables>, p: { rootIds: readonly number[]; limit: number }) =>
    db
      .selectFrom("comments")
      .select([...publicColumns])
      .where("root_id", "in", p.rootIds)
      .where("parent_id", "is not", null)
      .where("status", "=", "approved")
      .limit(p.limit),
);

const byDate = (a: { created_at: string; id: number }, b: { created_at: string; id: number }) =>
  a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id - b.id;

export async function firstReplies(db: Kysely<Tables>, rootIds: readonly number[], shown: number) {
  if (rootIds.length === 0) return [];
  // Most pages' threads hold a few replies in all: read them plainly, at most a bounded number,
  // and count and cut each thread here. The numbering query (window functions) cost three times
  // as much for the same rows; it is kept for the pages whose threads hold more.
  const enough = Math.max(shown, 2 * rootIds.length) + 1;
  const some = await someRepliesOf(db, { rootIds, limit: enough });
  if (some.length >= enough) return firstRepliesOf(db, { rootIds, shown });
  const threads = new Map<number | null, typeof some>();
  for (const r of some) {
    const thread = threads.get(r.root_id);
    if (thread) thread.push(r);
    else threads.set(r.root_id, [r]);
  }
  return [...threads.values()]
    .flatMap((replies) =>
      replies
        .sort(byDate)
        .slice(0, shown)
        .map((r, i) => ({ ...r, n: i + 1, total: replies.length })),
    )
    .sort(byDate);
}

/** A slice of one thread's approved replies, oldest first (the thread's own pages). */
export async function threadReplies(
  db: Kysely<Tables>,
  rootId: number,
  limit: number,
  offset: number,
) {
  return db
    .selectFrom("comments")
    .select([...publicColumns])
    .where("root_id", "=", rootId)
    .where("parent_id", "is not", null)
    .where("status", "=", "approved")
    .orderBy("created_at", "asc")
    .orderBy("id", "asc")
    .limit(limit)
    .offset(offset)
    .execute();
}

/** The reader's own held comments on this article, looked up by id (at most 20). */
export async function ownHeld(db: Kysely<Tables>, articleId: number, ownIds: readonly number[]) {
  if (ownIds.length === 0) return [];
  return (
    db
      .selectFrom("comments")
      .select([...publicColumns])
      .where("id", "in", ownIds)
      .where("article_id", "=", articleId)
      // Spam too: its sender sees it held, as a verdict must not show (issue 9 §8).
      .where("status", "in", heldForAuthor)
      .orderBy("created_at", "asc")
      .orderBy("id", "asc")
      .execute()
  );
}

/**
 * An article's featured comments readers see, the newest choice first: a handful, found by the
 * partial index comments_featured among however many comments the article has.
 */
const featured = compiledOnce((db: Kysely<Tables>, p: { articleId: number; limit: number }) =>
  db
    .selectFrom("comments")
    .select([...publicColumns])
    .where("article_id", "=", p.articleId)
    .where("featured_at", "is not", null)
    .where("status", "=", "approved")
    .where("kind", "=", "comment")
    .orderBy("featured_at", "desc")
    .orderBy("id", "desc")
    .limit(p.limit),
);

export async function featuredOf(db: Kysely<Tables>, articleId: number, limit: number) {
  return featured(db, { articleId, limit });
}

/** An article's approved comments, its mentions (pingbacks, trackbacks) left out. */
export async function countApproved(db: Kysely<Tables>, articleId: number) {
  const row = await db
    .selectFrom("comments")
    .where("article_id", "=", articleId)
    .where("status", "=", "approved")
    .where("kind", "=", "comment")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}

/**
 * The approved comments of an article that readers do not see: under a comment that is not
 * approved, at any depth (a thread sent to the bin keeps its approved replies, and no page shows
 * them). The walk starts from the comments not approved, usually few and childless, and goes
 * down their approved replies by the (article, status, kind, parent) index: with the count, a
 * recount inside every approved post costs ~0.1 ms at 1,000 comments (the count alone ~0.03),
 * where reading every approved comment's parent to walk the tree in JS cost ~0.3.
 */
export async function hiddenApproved(db: Kysely<Tables>, articleId: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    with recursive lost(id, approved) as (
      select id, 0 from comments where article_id = ${articleId} and status <> 'approved'
      union all
      -- CROSS JOIN keeps SQLite's order (lost outside): each step then seeks its replies by
      -- the whole index, where the other order scanned every approved comment per step.
      select c.id, 1 from lost l cross join comments c
      where c.article_id = ${articleId} and c.status = 'approved' and c.kind = 'comment'
        and c.parent_id = l.id
    )
    select id from lost where approved = 1`.execute(db);
  return rows.map((r) => Number(r.id));
}

/** For operators (CLI, later the moderation desk): includes the e-mail, never shown to readers. */
export async function listForStaff(
  db: Kysely<Tables>,
  status: CommentStatus | undefined,
  limit: number,
) {
  return db
    .selectFrom("comments as c")
    .innerJoin("articles as a", "a.id", "c.article_id")
    .leftJoin("comment_gifs as g", "g.comment_id", "c.id")
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
      "g.title as gif_title",
      "g.media_key as gif_key",
    ])
    .$if(status !== undefined, (q) => q.where("c.status", "=", status as CommentStatus))
    .orderBy("c.created_at", "desc")
    .orderBy("c.id", "desc")
    .limit(limit)
    .execute();
}

/**
 * Comments from one hashed client address since a moment, counted up to `atMost` only: the rule
 * asks "this many yet?", and a flooding client (the very case) must not make each of its posts
 * read its whole flood. Served by comments_ip_hash.
 */
export async function countFromClientSince(
  db: Kysely<Tables>,
  ipHash: string,
  since: string,
  atMost: number,
) {
  const row = await db
    .selectFrom((qb) =>
      qb
        .selectFrom("comments")
        .select("id")
        .where("ip_hash", "=", ipHash)
        .where("created_at", ">=", since)
        .limit(atMost)
        .as("recent"),
    )
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}

/**
 * Forgets the hashed client address of the `limit` oldest comments older than `before` that still
 * have one (the partial index `comments_ip_hash_kept`); returns how many.
 */
export async function clearIpHashesBefore(
  db: Kysely<Tables>,
  before: string,
  limit: number,
): Promise<number> {
  const result = await db
    .updateTable("comments")
    // The client's key for bans goes with it (decision 016): a comment older than the retention
    // can no longer be tied to its client, for a ban or anything else.
    .set({ ip_hash: null, client_key: null })
    .where("id", "in", (qb) =>
      qb
        .selectFrom("comments")
        .select("id")
        .where("ip_hash", "is not", null)
        .where("created_at", "<", before)
        .orderBy("created_at")
        .limit(limit),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Spam older than `before`, newest first (a reply before what it answers), `limit` at most. */
export async function spamBefore(db: Kysely<Tables>, before: string, limit: number) {
  return (
    db
      .selectFrom("comments")
      .select(["id", "root_id", "article_id"])
      .where("status", "=", "spam")
      .where("created_at", "<", before)
      // Emptied already (answered by others): nothing of anyone's is left in it.
      .where("author_name", "!=", "")
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .execute()
  );
}

/**
 * Every comment written with one e-mail address, oldest first: by its keyed hash under today's
 * secret, or by the address as stored (lower-cased, as the hash takes it), which still matches
 * after the secret changed and the hashes no longer do. That second test reads every comment:
 * fine for a request under the GDPR, run by hand.
 */
export async function allByEmail(db: Kysely<Tables>, emailHash: string, email: string) {
  return db
    .selectFrom("comments")
    .selectAll()
    .where((eb) =>
      eb.or([
        eb("email_hash", "=", emailHash),
        eb(eb.fn("lower", [eb.fn("trim", ["author_email"])]), "=", comparedEmail(email)),
      ]),
    )
    .orderBy("id")
    .execute();
}

/** Whether anyone answered this comment; its thread (root_id, indexed) holds every answer. */
export async function hasReplies(db: Kysely<Tables>, id: number, rootId: number): Promise<boolean> {
  const row = await db
    .selectFrom("comments")
    .select("id")
    .where("root_id", "=", rootId)
    .where("parent_id", "=", id)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteOne(db: Kysely<Tables>, id: number): Promise<void> {
  await db.deleteFrom("moderation_log").where("comment_id", "=", id).execute();
  await db.deleteFrom("comment_edits").where("comment_id", "=", id).execute();
  await db.deleteFrom("comments").where("id", "=", id).execute();
}

/**
 * Empties a comment that others answered, keeping its place in the thread: no name, address,
 * website or text. An empty name is what marks it (a posted comment always has one).
 */
export async function blankOut(db: Kysely<Tables>, id: number): Promise<void> {
  await db
    .updateTable("comments")
    .set({
      author_name: "",
      author_email: "",
      author_website: null,
      body: "",
      email_hash: `erased:${id}`,
      ip_hash: null,
      client_key: null,
      featured_at: null,
    })
    .where("id", "=", id)
    .execute();
  // What the newsroom's edits replaced was the same person's words.
  await db.deleteFrom("comment_edits").where("comment_id", "=", id).execute();
}

/** How many published replies a thread has. */
export async function countReplies(db: Kysely<Tables>, rootId: number) {
  const row = await db
    .selectFrom("comments")
    .where("root_id", "=", rootId)
    .where("parent_id", "is not", null)
    .where("status", "=", "approved")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Every status a stored comment may have: "received" counts them all, through the status index. */
const ALL_STATUSES: readonly CommentStatus[] = ["pending", "approved", "spam", "trash"];

/**
 * Comments received per day between `bounds` (dashboard), whatever became of them; on the given
 * articles only when `articleIds` is set. One row per day that had any.
 */
export async function receivedPerDay(
  db: Kysely<Tables>,
  bounds: readonly string[],
  articleIds?: readonly number[],
) {
  let q = db
    .selectFrom("comments")
    .select((eb) => [dayOf("created_at", bounds).as("day"), eb.fn.countAll<number>().as("n")])
    .where("status", "in", ALL_STATUSES)
    .where("created_at", ">=", bounds[0]!)
    .where("created_at", "<", bounds[bounds.length - 1]!);
  if (articleIds) q = q.where("article_id", "in", articleIds);
  return q.groupBy(sql<number>`1`).execute();
}

/** The moderation queue: how many comments wait, and since when the oldest does. */
export async function pendingQueue(db: Kysely<Tables>) {
  return db
    .selectFrom("comments")
    .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.min("created_at").as("oldest")])
    .where("status", "=", "pending")
    .executeTakeFirstOrThrow();
}

/** Articles with the most published comments received since `since`, most first. */
export async function mostCommentedSince(
  db: Kysely<Tables>,
  since: string,
  limit: number,
  articleIds?: readonly number[],
) {
  let q = db
    .selectFrom("comments")
    .select((eb) => ["article_id", eb.fn.countAll<number>().as("n")])
    .where("status", "=", "approved")
    .where("created_at", ">=", since)
    // Pingbacks and trackbacks are not readers' comments (they have their own list).
    .where("kind", "=", "comment");
  if (articleIds) q = q.where("article_id", "in", articleIds);
  return q
    .groupBy("article_id")
    .orderBy("n", "desc")
    .orderBy("article_id", "desc")
    .limit(limit)
    .execute();
}

/** An article's latest approved comments, newest first: its comments feed. */
export async function latestApproved(db: Kysely<Tables>, articleId: number, limit: number) {
  return db
    .selectFrom("comments")
    .select([...publicColumns])
    .where("article_id", "=", articleId)
    .where("status", "=", "approved")
    .where("kind", "=", "comment")
    .where("author_name", "!=", "")
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

/** Every comment of these articles, whatever its status, in id order (an export). */
export async function portableOf(db: Kysely<Tables>, articleIds: readonly number[]) {
  if (articleIds.length === 0) return [];
  return db
    .selectFrom("comments")
    .select([
      "id",
      "article_id",
      "parent_id",
      "author_name",
      "author_email",
      "author_website",
      "body",
      "status",
      "created_at",
      "kind",
    ])
    .where("article_id", "in", [...articleIds])
    .orderBy("id")
    .execute();
}

/**
 * An article's published mentions (pingbacks, trackbacks), oldest first, at most `limit`: the
 * compact list under its comments. Found by the thread index (article, status, kind).
 */
const mentions = compiledOnce((db: Kysely<Tables>, p: { articleId: number; limit: number }) =>
  db
    .selectFrom("comments")
    .select(["id", "kind", "author_name", "author_website", "created_at"])
    .where("article_id", "=", p.articleId)
    .where("status", "=", "approved")
    .where("kind", "in", mentionKinds)
    .orderBy("created_at", "asc")
    .orderBy("id", "asc")
    .limit(p.limit),
);

export async function mentionsOf(db: Kysely<Tables>, articleId: number, limit: number) {
  return mentions(db, { articleId, limit });
}
