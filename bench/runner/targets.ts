import type { BenchResult } from "./result.js";

/** The targets of issue #3 ("Pages at static-file speed"), on 2 cores. */
export const TARGETS = {
  /** Article page req/s at 50 connections, as a share of the static file server's. */
  articleVsStatic: 0.5,
  /** Issue #9: the same, as a share of nginx serving the same bytes as a file. */
  articleVsNginx: 0.5,
  articleP99Ms: 10,
  /** Issue #9: a reader's own article page, as a share of the cached anonymous one's req/s. */
  personalVsArticle: 0.5,
  personalP99Ms: 10,
  /** At 100,000 articles / 1,000,000 comments, within this factor of the 1,000-article figures. */
  fullWithin: 1.5,
  /** Accepted comments per second, on SQLite (validation, moderation, write, invalidation). */
  commentPostsPerSec: 1_000,
  coldStartMs: 1_000,
  /** Server RSS after load, per process (issue #3). */
  rssMiB: 200,
  /** Issue #9: per process, at 100,000 articles, after the crawler. */
  rssFullMiB: 150,
  /** Issue #9: the crawler (every request a different article, a cache miss) at 100k… */
  crawlerFullReqPerSec: 2_000,
  /** …and within this factor of the same crawl at 1k. */
  crawlerFullWithin: 2,
  /** The article page, compressed, images aside. 1 KB = 1,000 bytes. */
  pageKB: 50,
  /**
   * JavaScript loaded before the GIF picker opens: the byte budget of the islands, which
   * test/island-budget.test.ts also enforces on every build.
   */
  jsKB: 15,
  /** Issue 10: the newsroom's article list at 100,000 articles, filtered and paginated. */
  staffListP95Ms: 50,
  /** Issue 10: publish → the article on another instance's (cached) pages, median. */
  publishVisibleMs: 1_000,
  /** Issue 11: a moderation queue page at 1M comments / 10k pending, p95 (one moderator). */
  deskQueueP95Ms: 50,
  /** Issue 11: approving 1,000 selected comments in one action, pages dropped everywhere. */
  deskApproveMs: 2_000,
  /** Issue 12: a GIF search answered from the cache, p95 (sequential requests). */
  gifSearchP95Ms: 5,
  /** Issue 12: the article page with 20 GIF comments keeps its cached speed (share of before). */
  gifArticleVsPlain: 0.8,
  /** Issue 12: a kept GIF served from storage at static-file speed (as the article page is). */
  gifStoredVsStatic: 0.5,
  /** Issue 13, at 100,000 articles on 2 cores: a full reindex (search and related lists)… */
  reindexFullSeconds: 180,
  /** …updating the related lists (and search) after one publication, median… */
  relatedPublishMs: 200,
  /** …and a search, p95 (the service's work, before rendering). */
  searchP95Ms: 20,
  /** Issue 15: `kiosque import wordpress` of 10,000 posts and 100,000 comments, on 2 cores. */
  wordpressImportSeconds: 60,
  wordpressImportPeakMiB: 300,
} as const;

export type CheckKey =
  | "article"
  | "article-full"
  | "crawler-full"
  | "personal"
  | "comment-post"
  | "cold-start"
  | "cold-start-full"
  | "rss"
  | "rss-full"
  | "page-weight"
  | "page-js"
  | "staff-list-full"
  | "publish-visible"
  | "desk-queue"
  | "desk-queue-full"
  | "desk-approve"
  | "desk-approve-full"
  | "gif-search"
  | "gif-article"
  | "gif-stored"
  | "reindex-full"
  | "related-publish-full"
  | "search-full"
  | "wordpress-import-time"
  | "wordpress-import-memory";

export interface Check {
  key: CheckKey;
  target: string;
  value: string;
  pass: boolean;
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;

/** Every target this run has the figures for. */
export function checkTargets(r: BenchResult): Check[] {
  const checks: Check[] = [];
  const article = r.pages.find((p) => p.key === "article")?.figure;
  const staticFig = r.baseline.static;
  if (article) {
    const ratio = article.reqPerSec / staticFig.reqPerSec;
    // Issue 9 measures it against nginx serving the same bytes, where this machine has nginx.
    const nginx = r.baseline.nginx;
    const vsNginx = nginx ? article.reqPerSec / nginx.reqPerSec : undefined;
    checks.push({
      key: "article",
      target: `≥ ${TARGETS.articleVsStatic}× static${nginx ? ` and ${TARGETS.articleVsNginx}× nginx` : ""}, p99 < ${TARGETS.articleP99Ms} ms`,
      value: `${ratio.toFixed(2)}× static${vsNginx === undefined ? "" : `, ${vsNginx.toFixed(2)}× nginx`}, p99 ${article.p99.toFixed(1)} ms`,
      pass:
        ratio >= TARGETS.articleVsStatic &&
        (vsNginx === undefined || vsNginx >= TARGETS.articleVsNginx) &&
        article.p99 < TARGETS.articleP99Ms,
    });
  }
  const personal = r.pages.find((p) => p.key === "personal")?.figure;
  if (article && personal) {
    const ratio = personal.reqPerSec / article.reqPerSec;
    checks.push({
      key: "personal",
      target: `≥ ${TARGETS.personalVsArticle}× article, p99 < ${TARGETS.personalP99Ms} ms`,
      value: `${ratio.toFixed(2)}× article, p99 ${personal.p99.toFixed(1)} ms`,
      pass: ratio >= TARGETS.personalVsArticle && personal.p99 < TARGETS.personalP99Ms,
    });
  }
  const fullArticle = r.full?.pages.find((p) => p.key === "article")?.figure;
  if (article && fullArticle) {
    const slower = article.reqPerSec / fullArticle.reqPerSec;
    const p99 = fullArticle.p99 / article.p99;
    checks.push({
      key: "article-full",
      target: `within ${TARGETS.fullWithin}× of 1k`,
      value: `req/s ÷${slower.toFixed(2)}, p99 ×${p99.toFixed(2)}`,
      pass: slower <= TARGETS.fullWithin && p99 <= TARGETS.fullWithin,
    });
  }
  const crawler = r.pages.find((p) => p.key === "crawler")?.figure;
  const fullCrawler = r.full?.pages.find((p) => p.key === "crawler")?.figure;
  if (crawler && fullCrawler) {
    const slower = crawler.reqPerSec / fullCrawler.reqPerSec;
    checks.push({
      key: "crawler-full",
      target: `≥ ${TARGETS.crawlerFullReqPerSec.toLocaleString("en-US")}/s, within ${TARGETS.crawlerFullWithin}× of 1k`,
      value: `${Math.round(fullCrawler.reqPerSec).toLocaleString("en-US")}/s, ÷${slower.toFixed(2)}`,
      pass:
        fullCrawler.reqPerSec >= TARGETS.crawlerFullReqPerSec &&
        slower <= TARGETS.crawlerFullWithin,
    });
  }
  // The issue sets the comment target on SQLite; PostgreSQL's figure is printed for comparison.
  if (r.engine === "sqlite") {
    checks.push({
      key: "comment-post",
      target: `≥ ${TARGETS.commentPostsPerSec.toLocaleString("en-US")}/s`,
      value: `${Math.round(r.commentPosts.reqPerSec).toLocaleString("en-US")}/s`,
      pass: r.commentPosts.reqPerSec >= TARGETS.commentPostsPerSec,
    });
  }
  const cold = (key: CheckKey, median: number) =>
    checks.push({
      key,
      target: `< ${TARGETS.coldStartMs} ms`,
      value: ms(median),
      pass: median < TARGETS.coldStartMs,
    });
  cold("cold-start", r.coldStart.median);
  if (r.full) cold("cold-start-full", r.full.coldStart.median);
  if (r.memory)
    checks.push({
      key: "rss",
      target: `< ${TARGETS.rssMiB} MB per process, at rest`,
      value: `${r.memory.rssMiB.toFixed(0)} MB`,
      pass: r.memory.rssMiB < TARGETS.rssMiB,
    });
  if (r.full?.memory)
    checks.push({
      key: "rss-full",
      target: `≤ ${TARGETS.rssFullMiB} MB per process, at rest`,
      value: `${r.full.memory.rssMiB.toFixed(0)} MB`,
      pass: r.full.memory.rssMiB <= TARGETS.rssFullMiB,
    });
  const staff = r.full?.staffList?.staff;
  if (staff)
    checks.push({
      key: "staff-list-full",
      target: `p95 < ${TARGETS.staffListP95Ms} ms`,
      value: `p95 ${staff.p95.toFixed(1)} ms`,
      pass: staff.p95 < TARGETS.staffListP95Ms && staff.failed === 0,
    });
  const wp = r.wordpressImport;
  // The targets are about the issue's size; a smaller (quick) run is reported, not checked.
  if (wp && wp.posts >= 10_000) {
    checks.push({
      key: "wordpress-import-time",
      target: `< ${TARGETS.wordpressImportSeconds} s`,
      value: `${wp.seconds.toFixed(1)} s`,
      pass: wp.seconds < TARGETS.wordpressImportSeconds,
    });
    checks.push({
      key: "wordpress-import-memory",
      target: `peak < ${TARGETS.wordpressImportPeakMiB} MB`,
      value: `${wp.peakMiB.toFixed(0)} MB`,
      pass: wp.peakMiB < TARGETS.wordpressImportPeakMiB,
    });
  }
  if (r.publish)
    checks.push({
      key: "publish-visible",
      target: `median < ${TARGETS.publishVisibleMs} ms`,
      value: `${ms(r.publish.median)} (polling alone ${ms(r.publish.baselineMedian)})`,
      pass: r.publish.median < TARGETS.publishVisibleMs,
    });
  checks.push({
    key: "page-weight",
    target: `< ${TARGETS.pageKB} KB`,
    value: kb(r.weight.total),
    pass: r.weight.total < TARGETS.pageKB * 1000,
  });
  checks.push({
    key: "page-js",
    target: `< ${TARGETS.jsKB} KB`,
    value: kb(r.weight.js),
    pass: r.weight.js < TARGETS.jsKB * 1000,
  });
  const desk = (suffix: "" | "-full", f: BenchResult["desk"]) => {
    if (!f) return;
    checks.push(
      {
        key: `desk-queue${suffix}`,
        target: `p95 < ${TARGETS.deskQueueP95Ms} ms`,
        value: `${f.queue.p95Ms.toFixed(1)} ms`,
        pass: f.queue.p95Ms < TARGETS.deskQueueP95Ms,
      },
      {
        key: `desk-approve${suffix}`,
        target: `< ${TARGETS.deskApproveMs} ms, no stale page`,
        value: `${ms(f.approve.ms)}, ${f.approve.stalePages} stale`,
        pass: f.approve.ms < TARGETS.deskApproveMs && f.approve.stalePages === 0,
      },
    );
  };
  desk("", r.desk);
  desk("-full", r.full?.desk);
  if (r.gifs) {
    const g = r.gifs;
    const article = g.article.with.reqPerSec / g.article.without.reqPerSec;
    const stored = g.stored.kiosque.reqPerSec / g.stored.static.reqPerSec;
    checks.push(
      {
        key: "gif-search",
        target: `p95 < ${TARGETS.gifSearchP95Ms} ms`,
        value: `${g.search.p95Ms.toFixed(2)} ms`,
        pass: g.search.p95Ms < TARGETS.gifSearchP95Ms,
      },
      {
        key: "gif-article",
        target: `≥ ${TARGETS.gifArticleVsPlain}× without`,
        value: `${article.toFixed(2)}×`,
        pass: article >= TARGETS.gifArticleVsPlain,
      },
      {
        key: "gif-stored",
        target: `≥ ${TARGETS.gifStoredVsStatic}× static`,
        value: `${stored.toFixed(2)}× static`,
        pass: stored >= TARGETS.gifStoredVsStatic,
      },
    );
  }
  const scale = r.full?.relatedScale;
  if (scale)
    checks.push(
      {
        key: "reindex-full",
        target: `< ${TARGETS.reindexFullSeconds} s`,
        value: `${scale.reindexSeconds.toFixed(1)} s`,
        pass: scale.reindexSeconds < TARGETS.reindexFullSeconds,
      },
      {
        key: "related-publish-full",
        target: `median < ${TARGETS.relatedPublishMs} ms`,
        value: `${scale.publishMs.median.toFixed(1)} ms`,
        pass: scale.publishMs.median < TARGETS.relatedPublishMs,
      },
      {
        key: "search-full",
        target: `p95 < ${TARGETS.searchP95Ms} ms`,
        value: `${scale.searchMs.p95.toFixed(1)} ms`,
        pass: scale.searchMs.p95 < TARGETS.searchP95Ms,
      },
    );
  return checks;
}
