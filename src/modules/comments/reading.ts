import type { Ctx } from "../../ctx.js";
import { gifs } from "../gifs/index.js";
import { allOf, buildThreads, toPublic, type PublicComment, type PublicRow } from "./model.js";
import * as repo from "./repo.js";
import type { CommentKind } from "./table.js";

/**
 * Replies shown under a top-level comment on the article page, and on each page of a thread:
 * a thread of a thousand answers makes pages of this many (a 50-reply page is ~40 KB of HTML).
 */
export const REPLIES_PER_PAGE = 50;

/** A top-level comment's place in the reading order. */
export interface RootKey {
  id: number;
  createdAt: string;
}

/** One page of an article's published threads: the same for every reader, so it is cached. */
export interface ThreadPage {
  threads: PublicComment[];
  page: number;
  totalPages: number;
  order: "oldest" | "newest";
  /** The last top-level comment of the page before, if any. */
  previous?: RootKey;
  /** Whether this is the last page. */
  last: boolean;
  /** Top-level comment id → its number of replies, for threads with more than shown here. */
  moreReplies: ReadonlyMap<number, number>;
  /** Comments the newsroom put first under the article: on the first page only. */
  featured: PublicComment[];
  /** Other sites citing the article (pingbacks, trackbacks): on the first page only. */
  mentions: Mention[];
}

/** A pingback or trackback as readers see it: the citing page's title and address. */
export interface Mention {
  id: number;
  kind: Exclude<CommentKind, "comment">;
  /** The citing page's title (WordPress keeps it as the author's name). */
  title: string;
  /** The citing page, http(s) only; null when it gave none. */
  url: string | null;
  createdAt: string;
}

/** Mentions listed at most: an article cited a hundred times lists the first hundred. */
export const MENTIONS_MAX = 100;

/** Featured comments shown at most: a few picks, not a second list. */
export const FEATURED_MAX = 3;

/**
 * One page of an article's threads, as every reader sees it. `page` is what was asked: past the
 * end, `page` in the answer is the last one (the caller sends the reader there).
 */
export async function threadPage(ctx: Ctx, articleId: number, page: number): Promise<ThreadPage> {
  const settings = await ctx.settings();
  const perPage = settings["comments.perPage"];
  const order = settings["comments.order"];
  // The first page, most readers', asks for one comment more than it shows: when no more comes,
  // the count is known without counting (a walk over all the article's comments on the index).
  const firstRows =
    page <= 1 ? await repo.firstRoots(ctx.db, articleId, order, perPage + 1) : undefined;
  const total =
    firstRows && firstRows.length <= perPage
      ? firstRows.length
      : ctx.engine.toNumber(await repo.countRoots(ctx.db, articleId, []));
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  const current = Math.min(Math.max(1, page), totalPages);
  const start = (current - 1) * perPage;
  // One more before: the previous page's last comment tells where a reader's held one falls.
  const before = start > 0 ? 1 : 0;
  const firstPage = firstRows?.slice(0, perPage);
  const rows =
    firstPage ??
    (await repo.pageOfRoots(ctx.db, articleId, order, perPage + before, start - before));
  const first = before ? rows[0] : undefined;
  const previous = first && { id: first.id, createdAt: first.created_at };
  const rootIds = rows.slice(before).map((r) => r.id);
  const [roots, replies, featured, mentions] = await Promise.all([
    firstPage ?? repo.commentsByIds(ctx.db, rootIds),
    repo.firstReplies(ctx.db, rootIds, REPLIES_PER_PAGE),
    current === 1 ? repo.featuredOf(ctx.db, articleId, FEATURED_MAX) : Promise.resolve([]),
    current === 1 ? repo.mentionsOf(ctx.db, articleId, MENTIONS_MAX) : Promise.resolve([]),
  ]);
  const moreReplies = new Map<number, number>();
  for (const r of replies) {
    const n = ctx.engine.toNumber(r.total);
    if (n > REPLIES_PER_PAGE && r.root_id !== null) moreReplies.set(r.root_id, n);
  }
  const threads = buildThreads(rootIds, [...roots, ...replies]);
  const featuredShown = featured.map(toPublic);
  await withGifs(ctx, [...threads, ...featuredShown]);
  return {
    threads,
    page: current,
    totalPages,
    order,
    ...(previous && { previous }),
    last: current === totalPages,
    moreReplies,
    featured: featuredShown,
    mentions: mentions.map((m) => ({
      id: m.id,
      kind: m.kind === "trackback" ? "trackback" : "pingback",
      title: m.author_name,
      url:
        m.author_website !== null && /^https?:\/\//i.test(m.author_website)
          ? m.author_website
          : null,
      createdAt: m.created_at,
    })),
  };
}

/**
 * Fills in the GIF of each comment of these trees (and their replies) that has one: one query
 * for a whole page of comments.
 */
export async function withGifs(ctx: Ctx, list: readonly PublicComment[]): Promise<void> {
  const every = allOf(list);
  const found = await gifs.gifsOf(
    ctx,
    every.map((c) => c.id),
  );
  if (found.size === 0) return;
  for (const c of every) c.gif = found.get(c.id) ?? null;
}

/** One page of a thread's replies, under its top-level comment. */
export interface RepliesPage {
  root: PublicComment;
  replies: PublicComment[];
  page: number;
  totalPages: number;
}

/**
 * A page of one thread's replies (the "more replies" pages), or undefined when `rootId` is not a
 * published top-level comment of this article. Past the end, `page` is the last one.
 */
export async function repliesPage(
  ctx: Ctx,
  articleId: number,
  rootId: number,
  page: number,
): Promise<RepliesPage | undefined> {
  const root = await repo.findById(ctx.db, rootId);
  if (
    !root ||
    root.article_id !== articleId ||
    root.parent_id !== null ||
    root.status !== "approved"
  )
    return undefined;
  const total = ctx.engine.toNumber(await repo.countReplies(ctx.db, rootId));
  const totalPages = Math.max(1, Math.ceil(total / REPLIES_PER_PAGE));
  const current = Math.min(Math.max(1, page), totalPages);
  const rows = await repo.threadReplies(
    ctx.db,
    rootId,
    REPLIES_PER_PAGE,
    (current - 1) * REPLIES_PER_PAGE,
  );
  // A reply whose parent is on an earlier page is shown under the top-level comment.
  const shown = new Set([rootId, ...rows.map((r) => r.id)]);
  const placed: PublicRow[] = rows.map((r) =>
    r.parent_id !== null && shown.has(r.parent_id) ? r : { ...r, parent_id: rootId },
  );
  const [tree] = buildThreads([rootId], [root, ...placed]);
  if (!tree) return undefined;
  await withGifs(ctx, [tree]);
  return { root: tree, replies: tree.replies, page: current, totalPages };
}

/** The reader's own held comments on this article (from their verified cookie), oldest first. */
export async function heldComments(
  ctx: Ctx,
  articleId: number,
  ownIds: readonly number[],
): Promise<PublicComment[]> {
  const held = (await repo.ownHeld(ctx.db, articleId, ownIds)).map(toPublic);
  await withGifs(ctx, held);
  return held;
}

/** Comments in an article's feed: the latest, as a feed reader polls it. */
const FEED_COMMENTS = 30;

/**
 * An article's latest published comments, newest first (erased ones left out), as its page shows
 * them: none under a comment that left (repo.ts `hiddenApproved`, the count's own rule).
 */
export async function latestForFeed(ctx: Ctx, articleId: number): Promise<PublicComment[]> {
  const hidden = new Set(await repo.hiddenApproved(ctx.db, articleId));
  const latest = await repo.latestApproved(ctx.db, articleId, FEED_COMMENTS + hidden.size);
  return latest
    .filter((c) => !hidden.has(c.id))
    .slice(0, FEED_COMMENTS)
    .map(toPublic);
}
