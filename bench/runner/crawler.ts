import { articleBatches, newArticleIndex, type DatasetSpec } from "../data/plan.js";
import { substream } from "../data/prng.js";
import type { Load } from "./load.js";

/**
 * Every published article of the generated dataset but the bench article (which the other
 * figures have cached), in a seeded random order: a crawler goes through the archive, not in
 * date order. Computed from the generator's deterministic plan, the same rows the database holds,
 * so nothing is asked of the server to list them.
 */
export function crawlerPaths(spec: DatasetSpec): string[] {
  const index = newArticleIndex(spec);
  const paths: string[] = [];
  for (const { articles } of articleBatches(spec, 1_000, index))
    for (const a of articles)
      if (a.status === "published" && a.id !== index.benchArticleId)
        paths.push(`/article/${a.slug}`);
  const r = substream(spec.seed, "crawler");
  for (let i = paths.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [paths[i], paths[j]] = [paths[j] as string, paths[i] as string];
  }
  return paths;
}

/**
 * Seconds of crawling before the rounds: V8 was still optimising the cold render's code 15 s
 * into a crawl, and the rate rose by a fifth meanwhile (decision 030). A site is crawled by a
 * server that has run for hours; its first seconds are reported beside the figure.
 */
export const CRAWLER_WARMUP_SECONDS = 15;

/**
 * The crawler: many different articles, each asked once, so each is a miss of the page cache
 * (and of every worker's cache: no path comes twice). A round ends when its share of the list
 * is used up, or at its time; so does the warm-up, which has a share of its own.
 */
export function crawlerLoad(spec: DatasetSpec): Load {
  const paths = crawlerPaths(spec);
  return {
    method: "GET",
    path: "/article/…",
    distinctPaths: paths,
    warmupSeconds: CRAWLER_WARMUP_SECONDS,
    ok: (status) => status === 200,
  };
}
