import type { Ctx, TxCtx } from "../../ctx.js";
import { changeKeys } from "../../lib/change-keys.js";
import { recordMany } from "../moderation/index.js";
import { recountComments } from "./comment-count.js";
import { emailHash } from "./email-hash.js";
import { placeReply, TOP_LEVEL, type ParentComment, type Place } from "./placement.js";
import * as repo from "./repo.js";
import type { CommentStatus } from "./table.js";

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
}

export interface ImportedThread {
  /** Each written comment's id, by its key. */
  ids: Map<string, number>;
  /** Replies whose parent is neither here nor imported before: written at the top level. */
  orphans: string[];
}

/**
 * Writes an article's imported comments in the caller's transaction: each in its thread by the
 * one placement rule (a reply past the site's depth joins its parent's level), parents before
 * their replies whatever the order given, a reply to a missing comment at the top level. One
 * moderation log line each, and the article's count recounted once at the end. `known` names
 * comments imported before (a second run, a later export of the same site): replies to them go
 * under them.
 */
export async function importThread(
  tx: TxCtx,
  changed: (...keys: string[]) => void,
  articleId: number,
  comments: readonly ThreadComment[],
  known: ReadonlyMap<string, number>,
  actor: string,
): Promise<ImportedThread> {
  const maxDepth = (await tx.settings())["comments.maxDepth"];
  const placed = new Map<string, ParentComment>();
  const ids = new Map<string, number>();
  const orphans: string[] = [];
  const byKey = new Map(comments.map((c) => [c.key, c]));
  const written: number[] = [];

  async function parentOf(c: ThreadComment): Promise<ParentComment | undefined> {
    if (c.parentKey === null) return undefined;
    const here = placed.get(c.parentKey);
    if (here) return here;
    const before = known.get(c.parentKey);
    if (before === undefined) return undefined;
    const row = await repo.findById(tx.db, before);
    return row && { id: row.id, parentId: row.parent_id, rootId: row.root_id, depth: row.depth };
  }

  async function write(c: ThreadComment, seen: Set<string>): Promise<void> {
    if (ids.has(c.key) || seen.has(c.key)) return;
    seen.add(c.key);
    // A parent given later in the list goes first (a loop of parents ends at the top level).
    const pending = c.parentKey !== null ? byKey.get(c.parentKey) : undefined;
    if (pending && !seen.has(pending.key)) await write(pending, seen);
    const parent = await parentOf(c);
    if (c.parentKey !== null && !parent) orphans.push(c.key);
    const place: Place = parent ? placeReply(parent, maxDepth) : TOP_LEVEL;
    const id = await repo.insert(tx.db, {
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
    });
    // A top-level comment's root is itself: set for all of them at once, below.
    placed.set(c.key, {
      id,
      parentId: place.parentId,
      rootId: place.rootId ?? id,
      depth: place.depth,
    });
    ids.set(c.key, id);
    written.push(id);
  }

  for (const c of comments) await write(c, new Set());
  if (written.length > 0) await repo.setOwnRoots(tx.db, articleId);
  for (const status of new Set(comments.map((c) => c.status))) {
    const these = comments.filter((c) => c.status === status).flatMap((c) => ids.get(c.key) ?? []);
    await recordMany(tx.db, these, actor, status, [{ rule: "import" }], tx.clock.now());
  }
  if (written.length > 0) {
    await recountComments(tx, articleId);
    changed(changeKeys.article(articleId));
  }
  return { ids, orphans };
}

/** Every comment of these articles, whatever its status, in id order: what an export writes. */
export async function portableComments(ctx: Ctx, articleIds: readonly number[]) {
  return repo.portableOf(ctx.db, articleIds);
}
