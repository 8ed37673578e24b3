import type { Ctx } from "../../ctx.js";
import { Invalid } from "../../lib/errors.js";
import { FormReader } from "../../lib/form-fields.js";
import { parseRowId } from "../../lib/row-id.js";
import { gifs, type CommentGif } from "../gifs/index.js";
import { histories, type LogLine } from "../moderation/index.js";
import { emailHash } from "./email-hash.js";
import * as queueRepo from "./queue-repo.js";
import type { QueueMark, QueueWhere, Search } from "./queue-repo.js";
import type { CommentKind, CommentStatus } from "./table.js";

export type { QueueMark } from "./queue-repo.js";

/** The desk's queues, in the order of its tabs. */
export const queueStatuses: readonly CommentStatus[] = ["pending", "approved", "spam", "trash"];

/** Comments on a page of the desk: enough to work through, few enough to read at once. */
export const QUEUE_PAGE_SIZE = 50;

/**
 * Counts stop here: counting the million approved comments on every desk page would cost more
 * than the page. Past it, the desk says "10,000+".
 */
export const COUNT_CAP = 10_000;

/** A count that may have stopped at COUNT_CAP. */
export interface Count {
  n: number;
  capped: boolean;
}

/** What a queue is narrowed to: its status, an article, what was typed in the search. */
export interface QueueFilter {
  status: CommentStatus;
  articleId?: number | undefined;
  q?: string | undefined;
}

/** A comment as the desk shows it to staff: its author's address included. */
export interface DeskComment {
  id: number;
  articleId: number;
  articleSlug: string;
  articleTitle: string;
  parentId: number | null;
  authorName: string;
  authorEmail: string;
  authorWebsite: string | null;
  body: string;
  status: CommentStatus;
  createdAt: string;
  featured: boolean;
  staff: boolean;
  /** A reader's comment, or a mention (pingback, trackback) kept by an import. */
  kind: CommentKind;
  /** Whether its client is still known (a ban by client can be made from it). */
  clientKnown: boolean;
  /** Every decision on it, oldest first: who, which status, and the rules' reasons. */
  log: LogLine[];
  /** What it said before each edit by the newsroom, oldest first. */
  edits: { at: string; by: number; name: string; website: string | null; body: string }[];
  /** The GIF it carries (Kiosque's kept copy), shown in every queue. */
  gif: CommentGif | null;
}

export interface QueuePage {
  comments: DeskComment[];
  page: number;
  hasNext: boolean;
  /** The comments this filter matches (all pages). */
  matching: Count;
  /** Each queue's size, for the tabs: narrowed to the article when one is chosen. */
  counts: Record<CommentStatus, Count>;
  /**
   * The newest comment matching when the page was made: a bulk action "on the whole queue"
   * stops there, so it never touches comments that came after the moderator looked.
   */
  newest: QueueMark | undefined;
}

/** Most characters of a desk search: longer says nothing more. */
const SEARCH_MAX = 200;

// The WHATWG address shape the comment form accepts (comments/validation.ts).
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * What the search box asks for: `#123` a comment, a whole address its author's comments (by its
 * keyed hash, an index look-up), any other text words in the name, address, text or article
 * title. Refused (Invalid) when too long or holding control characters.
 */
export function parseSearch(ctx: Pick<Ctx, "secret">, raw: string | undefined): Search | undefined {
  const form = new FormReader({ q: raw ?? "" });
  const text = form.text("q", { max: SEARCH_MAX });
  if (!form.ok) throw new Invalid("KIOSQUE_DESK_INVALID", form.problems);
  if (text === "") return undefined;
  const id = /^#(\d{1,16})$/.exec(text);
  if (id) return { kind: "id", id: parseRowId(id[1] ?? "") ?? 0 };
  if (EMAIL.test(text)) return { kind: "email", emailHash: emailHash(ctx, text) };
  return { kind: "text", pattern: queueRepo.likePattern(text) };
}

export function whereOf(ctx: Pick<Ctx, "secret">, filter: QueueFilter): QueueWhere {
  return { status: filter.status, articleId: filter.articleId, search: parseSearch(ctx, filter.q) };
}

async function counted(ctx: Ctx, where: QueueWhere, cap = COUNT_CAP): Promise<Count> {
  const n = ctx.engine.toNumber(await queueRepo.countQueue(ctx.db, where, cap + 1));
  return { n: Math.min(n, cap), capped: n > cap };
}

/**
 * The menu's counts stop sooner than the desk's: they are on every newsroom page of everyone who
 * moderates (the staff list at 100k articles and 1M comments spent a quarter of its time
 * counting 10,000 pending and 10,000 spam comments for the menu). "999+" says enough there;
 * the desk's tabs count on to COUNT_CAP.
 */
export const MENU_COUNT_CAP = 999;

/** How many comments wait for a moderator (the newsroom's menu shows it). */
export async function pendingCount(ctx: Ctx): Promise<Count> {
  return counted(ctx, { status: "pending" });
}

/** The queues the newsroom's menu counts: what waits, and what the spam rules caught. */
export interface MenuCounts {
  pending: Count;
  spam: Count;
}

/** The menu's counts: two counts over the `comments_queue` index, capped at MENU_COUNT_CAP. */
export async function menuCounts(ctx: Ctx): Promise<MenuCounts> {
  const [pending, spam] = await Promise.all([
    counted(ctx, { status: "pending" }, MENU_COUNT_CAP),
    counted(ctx, { status: "spam" }, MENU_COUNT_CAP),
  ]);
  return { pending, spam };
}

/** One page of a queue of the desk, with every queue's count and the reasons behind each comment. */
export async function queuePage(ctx: Ctx, filter: QueueFilter, page: number): Promise<QueuePage> {
  const where = whereOf(ctx, filter);
  const rows = await queueRepo.queuePage(
    ctx.db,
    where,
    QUEUE_PAGE_SIZE + 1,
    (page - 1) * QUEUE_PAGE_SIZE,
  );
  const shown = rows.slice(0, QUEUE_PAGE_SIZE);
  const ids = shown.map((r) => r.id);
  const [logs, edits, gifsShown, searched, newestRow, ...tabs] = await Promise.all([
    histories(ctx.db, ids),
    queueRepo.editsOf(ctx.db, ids),
    gifs.gifsOf(ctx, ids),
    // Without a search, the queue's own tab says how many match.
    where.search ? counted(ctx, where) : undefined,
    page === 1
      ? Promise.resolve(rows[0])
      : queueRepo.queuePage(ctx.db, where, 1, 0).then((r) => r[0]),
    ...queueStatuses.map((status) => counted(ctx, { status, articleId: filter.articleId })),
  ]);
  const counts = Object.fromEntries(queueStatuses.map((s, i) => [s, tabs[i]])) as Record<
    CommentStatus,
    Count
  >;
  const matching = searched ?? counts[filter.status];
  return {
    comments: shown.map((r) => ({
      id: r.id,
      articleId: r.article_id,
      articleSlug: r.article_slug,
      articleTitle: r.article_title,
      parentId: r.parent_id,
      authorName: r.author_name,
      authorEmail: r.author_email,
      authorWebsite: r.author_website,
      body: r.body,
      status: r.status,
      createdAt: r.created_at,
      featured: r.featured_at !== null,
      staff: r.staff_user_id !== null,
      kind: r.kind,
      clientKnown: r.client_key !== null,
      log: logs.get(r.id) ?? [],
      gif: gifsShown.get(r.id) ?? null,
      edits: edits
        .filter((e) => e.comment_id === r.id)
        .map((e) => ({
          at: e.edited_at,
          by: e.edited_by,
          name: e.author_name,
          website: e.author_website,
          body: e.body,
        })),
    })),
    page,
    hasNext: rows.length > QUEUE_PAGE_SIZE,
    matching,
    counts,
    newest: newestRow && { createdAt: newestRow.created_at, id: newestRow.id },
  };
}

/** A comment of the desk, as the ban and edit forms need it (its hashes included). */
export async function staffComment(ctx: Ctx, id: number) {
  const row = await queueRepo.staffRow(ctx.db, id);
  return (
    row && {
      id: row.id,
      articleId: row.article_id,
      articleSlug: row.article_slug,
      articleTitle: row.article_title,
      authorName: row.author_name,
      authorEmail: row.author_email,
      authorWebsite: row.author_website,
      body: row.body,
      status: row.status,
      createdAt: row.created_at,
      emailHash: row.email_hash,
      clientKey: row.client_key,
    }
  );
}

/**
 * A queue in batches, newest first, from the newest comment the moderator saw (`from`) down:
 * what a bulk action "on the whole filtered queue" goes through, a batch per transaction.
 * Each batch is read after the previous one was written, so it sees the queue as it is then.
 */
export async function* queueBatches(
  ctx: Ctx,
  filter: QueueFilter,
  from: QueueMark,
  size: number,
): AsyncGenerator<number[]> {
  const where = whereOf(ctx, filter);
  let bound = { at: from, inclusive: true };
  for (;;) {
    const rows = await queueRepo.queueBatch(ctx.db, where, bound, size);
    if (rows.length === 0) return;
    yield rows.map((r) => r.id);
    const last = rows.at(-1);
    if (!last || rows.length < size) return;
    bound = { at: { createdAt: last.created_at, id: last.id }, inclusive: false };
  }
}
