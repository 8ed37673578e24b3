import type { Ctx } from "../../ctx.js";
import { perDay } from "../../lib/day-buckets.js";
import * as repo from "./repo.js";

/**
 * Comment activity for the newsroom's dashboard: read-only counts over bounded ranges of the
 * status index (`comments_status_created`), never a walk of every comment.
 */

/**
 * Comments received on each day between `bounds` (the days' starts and the last one's end):
 * on every article, or on `articleIds` only.
 */
export async function receivedPerDay(
  ctx: Ctx,
  bounds: readonly string[],
  articleIds?: readonly number[],
): Promise<number[]> {
  const days = bounds.length - 1;
  if (articleIds?.length === 0) return new Array<number>(days).fill(0);
  return perDay(await repo.receivedPerDay(ctx.db, bounds, articleIds), days);
}

export interface Queue {
  pending: number;
  /** When the comment waiting longest was posted; null when none waits. */
  oldestAt: string | null;
}

export async function moderationQueue(ctx: Ctx): Promise<Queue> {
  const row = await repo.pendingQueue(ctx.db);
  return { pending: ctx.engine.toNumber(row.n), oldestAt: row.oldest ?? null };
}

/** Articles with the most published comments received since `since`, most first. */
export async function mostCommentedSince(
  ctx: Ctx,
  since: string,
  limit: number,
  articleIds?: readonly number[],
): Promise<{ articleId: number; comments: number }[]> {
  if (articleIds?.length === 0) return [];
  const rows = await repo.mostCommentedSince(ctx.db, since, limit, articleIds);
  return rows.map((r) => ({ articleId: r.article_id, comments: ctx.engine.toNumber(r.n) }));
}
