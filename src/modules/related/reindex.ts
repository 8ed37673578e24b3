import type { Ctx } from "../../ctx.js";
import { changeKeys } from "../../lib/change-keys.js";
import { search } from "../search/index.js";
import { rebuild } from "./service.js";

export interface ReindexProgress {
  phase: "search" | "related";
  done: number;
  total: number;
}

export interface ReindexReport {
  articles: number;
  seconds: number;
}

/**
 * Rebuilds the search index and every related list from the articles as they stand (after a
 * restore, a change of the text processing or the scoring, or a bulk import written around the
 * services). Search first: related weighs terms by the vocabulary search counts. Every page
 * cache is emptied at the end (every list may have changed).
 */
export async function reindex(
  ctx: Ctx,
  /** Awaited: a caller may act between two batches (a test writing as editors would). */
  onProgress?: (p: ReindexProgress) => void | Promise<void>,
): Promise<ReindexReport> {
  const started = performance.now();
  const { documents: before } = await search.frequencies(ctx, []);
  const articles = await search.rebuild(ctx, (done) =>
    onProgress?.({ phase: "search", done, total: Math.max(done, before) }),
  );
  await rebuild(ctx, (done, total) => onProgress?.({ phase: "related", done, total }));
  await ctx.write(async (_tx, changed) => changed(changeKeys.all));
  return { articles, seconds: (performance.now() - started) / 1000 };
}
