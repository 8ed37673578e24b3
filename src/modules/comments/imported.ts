import type { Ctx, TxCtx } from "../../ctx.js";
import { changeKeys } from "../../lib/change-keys.js";
import { recordMany } from "../moderation/index.js";
import { recountComments } from "./comment-count.js";
import { emailHash } from "./email-hash.js";
import { placeReply, TOP_LEVEL, type ParentComment, type Place } from "./placement.js";
import * as repo from "./repo.js";
import type { CommentKind, CommentStatus } from "./table.js";

/** A comment from another platform, its fate decided there; keys are that platform's ids. */
export interface ThreadComment {
  key: string;
  /** The key of the comment it answers, or null. */
  parentKey: string | null;
  name: string;
  email: string;
  website: string | null;
  /** Plain text, as readers' comments are kept. */
  body: string;
  status: CommentStatus;
  createdAt: Date;
  /** A reader's comment (the default), or a mention: always at the top level, never a parent. */
  kind?: CommentKind;
}

export interface ImportedThread {
  /** Each written comment's id, by its key. */
  ids: Map<string, number>;
  /** Replies whose parent is neither here nor imported before: written at the top level. */
  orphans: string[];
}

/** Rows per insert statement: 15 parameters each, far below either engine's limit. */
const ROWS_PER_INSERT = 200;

/**
 * Writes an article's imported comments in the caller's transaction: each in its thread by the
 * one placement rule (a reply past the site's depth joins its parent's level), parents before
 * their replies whatever the order given, a reply to a missing comment (or to a mention) at the
 * top level, a loop of parents broken at the top level. One moderation log line each, and the
 * article's count recounted once at the end. `known` names comments imported before (a second
 * run, a later export of the same site): replies to them go under them.
 *
 * Written a generation at a time (the top-level comments, then their replies, then theirs…), a
 * statement per generation rather than per comment: an import of 100,000 comments spent most of
 * its time sending them one by one.
 */
export async function importThread(
  tx: TxCtx,
  changed: (...keys: string[]) => void,
  articleId: number,
  comments: readonly ThreadComment[],
  known: ReadonlyMap<string, number>,
  actor: string,
  /** `comments.maxDepth`, when the caller read it once for many articles. */
  depth?: number,
): Promise<ImportedThread> {
  // A transaction's settings are read anew each time: an import of many articles reads them once.
  const maxDepth = depth ?? (await tx.settings())["comments.maxDepth"];
  const placed = new Map<string, ParentComment>();
  const ids = new Map<string, number>();
  const orphans: string[] = [];
  const isMention = (c: ThreadComment | undefined) => (c?.kind ?? "comment") !== "comment";
  const byKey = new Map<string, ThreadComment>();
  for (const c of comments) if (!byKey.has(c.key)) byKey.set(c.key, c);

  /**
   * A parent that is not in this list: a row imported before, or none. One under another article
   * is none (an export can name any comment as a parent): the reply went into that article's
   * thread, counted here and shown there.
   */
  async function knownParent(key: string): Promise<ParentComment | undefined> {
    const before = known.get(key);
    if (before === undefined) return undefined;
    const row = await repo.findById(tx.db, before);
    if (!row || row.article_id !== articleId) return undefined;
    return { id: row.id, parentId: row.parent_id, rootId: row.root_id, depth: row.depth };
  }

  let waiting = [...byKey.values()];
  while (waiting.length > 0) {
    const ready: { c: ThreadComment; place: Place }[] = [];
    const later: ThreadComment[] = [];
    for (const c of waiting) {
      const parentHere = c.parentKey === null ? undefined : byKey.get(c.parentKey);
      if (isMention(c) || c.parentKey === null || isMention(parentHere)) {
        // A mention is listed apart, never in a thread; a reply to one starts its own.
        if (c.parentKey !== null && !isMention(c)) orphans.push(c.key);
        ready.push({ c, place: TOP_LEVEL });
      } else if (parentHere) {
        const parent = placed.get(parentHere.key);
        if (parent) ready.push({ c, place: placeReply(parent, maxDepth) });
        else later.push(c);
      } else {
        const parent = await knownParent(c.parentKey);
        if (!parent) orphans.push(c.key);
        ready.push({ c, place: parent ? placeReply(parent, maxDepth) : TOP_LEVEL });
      }
    }
    if (ready.length === 0) {
      // Only a loop of parents is left: its first comment goes to the top level.
      const [first, ...rest] = later;
      orphans.push(first!.key);
      ready.push({ c: first!, place: TOP_LEVEL });
      later.splice(0, later.length, ...rest);
    }
    for (let i = 0; i < ready.length; i += ROWS_PER_INSERT) {
      const slice = ready.slice(i, i + ROWS_PER_INSERT);
      const written = await repo.insertMany(
        tx.db,
        slice.map(({ c, place }) => ({
          article_id: articleId,
          parent_id: place.parentId,
          root_id: place.rootId,
          depth: place.depth,
          author_name: c.name,
          author_email: c.email,
          author_website: c.website,
          body: c.body,
          status: c.status,
          created_at: c.createdAt.toISOString(),
          email_hash: emailHash(tx, c.email),
          ip_hash: null,
          client_key: null,
          staff_user_id: null,
          kind: c.kind ?? "comment",
        })),
      );
      slice.forEach(({ c, place }, n) => {
        const id = written[n]!;
        // A top-level comment's root is itself: set for all of them at once, below.
        placed.set(c.key, {
          id,
          parentId: place.parentId,
          rootId: place.rootId ?? id,
          depth: place.depth,
        });
        ids.set(c.key, id);
      });
    }
    waiting = later;
  }
  if (ids.size > 0) await repo.setOwnRoots(tx.db, articleId);
  for (const status of new Set(comments.map((c) => c.status))) {
    const these = comments.filter((c) => c.status === status).flatMap((c) => ids.get(c.key) ?? []);
    await recordMany(tx.db, these, actor, status, [{ rule: "import" }], tx.clock.now());
  }
  if (ids.size > 0) {
    await recountComments(tx, articleId);
    changed(changeKeys.article(articleId));
  }
  return { ids, orphans };
}

/** Every comment of these articles, whatever its status, in id order: what an export writes. */
export async function portableComments(ctx: Ctx, articleIds: readonly number[]) {
  return repo.portableOf(ctx.db, articleIds);
}
