import type { Ctx } from "../../../ctx.js";
import { redirects } from "../../redirects/index.js";
import { ReportBuilder, type ImportReport } from "../report.js";
import { noSource, type MediaSource } from "../sources.js";
import * as repo from "../repo.js";
import { readWxr, type CommentParts } from "../wxr/reader.js";
import type { ReadProgress, WxrChannel, WxrItem, WxrRecord } from "../wxr/model.js";
import { importAttachment } from "./attachments.js";
import { importPage } from "./pages.js";
import { personFor } from "./people.js";
import { importMoreComments, importPost } from "./posts.js";
import { onPrivateCopy, type OpenDatabase } from "./private-copy.js";
import type { Run } from "./run.js";
import { rememberSite, requireSameSite, type SourceSite } from "./source-site.js";
import { importTerm } from "./terms.js";

export interface WordpressImport {
  file: string;
  /**
   * Does everything a run would, but look for images, in one transaction it then cancels: the
   * report is the run's, nothing is kept.
   */
  dryRun?: boolean;
  /** Pingbacks and trackbacks kept as comments (the default), or left out. */
  pingbacks?: boolean;
  /** Where attachments' bytes come from (sources.ts); none: images are listed, not imported. */
  media?: MediaSource;
  /** Posts and pages per transaction (BATCH_ITEMS unless said). */
  batchSize?: number;
  /** How many of a post's comments are read and written at once (reader.ts, COMMENT_PARTS). */
  commentParts?: CommentParts;
  /**
   * Stops the import between two records (Ctrl-C): what was committed stays, the batch being
   * gathered is dropped, the run then rejects with the signal's reason. A run again completes it.
   */
  signal?: AbortSignal;
  /**
   * How a dry run on SQLite opens its private copy of the database (private-copy.ts): the
   * command line's runtime. Without it a dry run is one transaction cancelled at its end, which
   * holds SQLite's write lock while it runs.
   */
  openCopy?: OpenDatabase;
  /** Called as the file is read: the pass (check, site, content) and how far it is. */
  onProgress?: (pass: ImportPass, progress: ReadProgress) => void;
}

export type ImportPass = "check" | "media" | "content";

/**
 * Posts and pages written per transaction. Each item is whole or absent either way (a batch is
 * all or nothing, and its mapping rows with it); one commit for many items spares the engine a
 * commit per post: on SQLite each commit writes every page it touched to the WAL again, which
 * made a commit per post the import's main cost. The characters bound keeps a batch of long
 * posts with thousands of comments in bounded memory.
 */
const BATCH_ITEMS = 100;
const BATCH_CHARS = 8_000_000;
/**
 * A transaction of the content pass commits once it has worked this long, whatever its count:
 * on SQLite the site's own writes (a reader's comment) wait for it, 5 s at most (busy_timeout),
 * then fail. A post's comments come in parts (reader.ts), each written in a transaction of its
 * own, so no one transaction holds a post with 100,000 comments.
 */
const TRANSACTION_MS = 500;

/**
 * The check: the whole file read before anything is written, so a file malformed at its last
 * byte imports nothing. Returns how many records the site pass needs to read: up to the last
 * author, term or attachment (an export lists them first, and attachments anywhere), so that
 * pass stops there and does not parse every post and comment a third time; and the WordPress
 * site the file is of, refused when this site imported another (source-site.ts).
 */
async function check(
  ctx: Ctx,
  options: WordpressImport,
): Promise<{ siteRecords: number; site: SourceSite }> {
  let records = 0;
  let siteRecords = 0;
  let channel: WxrChannel | undefined;
  for await (const r of read(options, "check")) {
    options.signal?.throwIfAborted();
    records++;
    if (r.kind === "channel") channel = r;
    if (r.kind === "item" ? r.postType === "attachment" : r.kind !== "comments")
      siteRecords = records;
  }
  const site = await requireSameSite(ctx, options.file, channel);
  return { siteRecords, site };
}

/** The file's records, each pass reading them alike (so the check's count holds). */
const read = (options: WordpressImport, pass: ImportPass) =>
  readWxr(options.file, (p) => options.onProgress?.(pass, p), options.commentParts);

/** Reads the file's records into `work`, the first `limit` of them when it is given. */
async function each(
  options: WordpressImport,
  pass: ImportPass,
  work: (r: WxrRecord) => Promise<void>,
  limit = Infinity,
): Promise<void> {
  let n = 0;
  for await (const r of read(options, pass)) {
    options.signal?.throwIfAborted();
    if (n++ >= limit) break;
    await work(r);
  }
}

/** `ctx` whose transactions begin by claiming the right to write (repo.ts `claimWriting`). */
function writingFirst(ctx: Ctx): Ctx {
  return {
    ...ctx,
    write: (work) =>
      ctx.write(async (tx, changed) => {
        await repo.claimWriting(tx.db);
        return work(tx, changed);
      }),
  };
}

/** Thrown at the end of a dry run's transaction, to cancel it. */
class DryRunDone extends Error {}

/**
 * Imports a WordPress export. Three readings of the file, none holding it whole: the check
 * (nothing written until the whole file is known to be well-formed and a WordPress export of a
 * known version), then the site (authors, categories, tags, images), then the content (posts
 * with their comments, pages) — images before the posts that show them, wherever the export put
 * them. Each thing is written in a transaction of its own with its mapping row, so a second run
 * changes nothing and a run after an interrupted one completes it.
 *
 * A dry run is the same code, on a copy of the database thrown away at the end (SQLite), or in
 * one transaction cancelled at its end (PostgreSQL, whose other writers do not wait for it):
 * counting apart what a run would do gave other figures than the run (terms of menus, comments
 * on pages, tags named only by posts, authors named only by bylines…). Only images are not looked
 * for: their bytes would go to the store, outside the database. One transaction on SQLite held
 * its write lock for the whole dry run, and a reader's comment failed after 5 s (busy_timeout).
 */
export async function importWordpress(ctx: Ctx, options: WordpressImport): Promise<ImportReport> {
  const settings = await ctx.settings();
  const dryRun = options.dryRun === true;
  const media = options.media;
  const report = new ReportBuilder(dryRun);
  const runOn = (c: Ctx): Run => ({
    ctx: writingFirst(c),
    report,
    timeZone: settings["site.timezone"],
    maxDepth: settings["comments.maxDepth"],
    pingbacks: options.pingbacks !== false,
    media: media ?? noSource,
    dryRun,
    mediaWhere: media ? (media.where ?? "the source given") : undefined,
    maxBytes: settings["media.maxUploadMB"] * 1024 * 1024,
    channel: undefined,
    authors: new Map(),
    people: new Map(),
    categoryParents: new Map(),
    seenTerms: new Set(),
    terms: new Map(),
    madeAfter: { article: Infinity, page: Infinity, comment: Infinity },
    lastItem: undefined,
  });
  const { siteRecords, site } = await check(ctx, options);
  if (!dryRun) {
    await write(runOn(ctx), options, siteRecords, site);
    return report.done();
  }
  const copied = await onPrivateCopy(ctx, options.openCopy, (copy) =>
    write(runOn(copy), options, siteRecords, site),
  );
  if (copied) return report.done();
  await ctx
    .write(async (tx) => {
      await write(runOn(tx), options, siteRecords, site);
      throw new DryRunDone();
    })
    .catch((error: unknown) => {
      if (!(error instanceof DryRunDone)) throw error;
    });
  return report.done();
}

/** The site pass, then the content pass (see `importWordpress`). */
async function write(
  run: Run,
  options: WordpressImport,
  siteRecords: number,
  site: SourceSite,
): Promise<void> {
  const { ctx } = run;
  run.madeAfter = await repo.largestIds(ctx.db);
  await rememberSite(ctx, site);

  // Authors and terms come first in an export, a few hundred at most: one transaction for them.
  let header: WxrRecord[] = [];
  const writeHeader = async () => {
    const records = header;
    header = [];
    if (records.length === 0) return;
    await ctx.write(async (tx, changed) => {
      for (const r of records)
        if (r.kind === "author") await personFor(run, tx, r.login);
        else if (r.kind === "term") await importTerm(run, tx, changed, r);
    });
  };
  await each(
    options,
    "media",
    async (r) => {
      if (r.kind === "channel") run.channel = r;
      else if (r.kind === "author") {
        run.authors.set(r.login, r);
        header.push(r);
      } else if (r.kind === "term") {
        if (r.taxonomy === "category" && r.parent) run.categoryParents.set(r.slug, r.parent);
        header.push(r);
      } else {
        await writeHeader();
        if (r.kind === "item" && r.postType === "attachment") await importAttachment(run, r);
      }
      if (header.length >= BATCH_ITEMS) await writeHeader();
    },
    siteRecords,
  );
  await writeHeader();
  await ctx.write((tx) =>
    redirects.record(tx, [
      { from: "/feed", to: "/feed.xml" },
      { from: "/comments/feed", to: "/feed.xml" },
      { from: "/?feed=rss2", to: "/feed.xml" },
      { from: "/?feed=rss", to: "/feed.xml" },
      { from: "/?feed=atom", to: "/feed.xml" },
    ]),
  );
  let batch: WxrItem[] = [];
  let batchChars = 0;
  const flush = async () => {
    const items = batch;
    batch = [];
    batchChars = 0;
    for (let next = 0; next < items.length;)
      await ctx.write(async (tx, changed) => {
        const started = performance.now();
        do {
          const item = items[next++];
          if (item?.postType === "post") await importPost(run, tx, changed, item);
          else if (item) await importPage(run, tx, changed, item);
        } while (next < items.length && performance.now() - started < TRANSACTION_MS);
      });
  };
  await each(options, "content", async (r) => {
    if (r.kind === "comments") {
      // Its post is written first: the comments go under it, each part in its own transaction.
      await flush();
      await ctx.write((tx, changed) => importMoreComments(run, tx, changed, r));
      return;
    }
    if (r.kind !== "item") return;
    if (r.postType === "post" || r.postType === "page") {
      batch.push(r);
      batchChars += r.content.length + r.comments.reduce((n, c) => n + c.content.length, 0);
      if (batch.length >= (options.batchSize ?? BATCH_ITEMS) || batchChars >= BATCH_CHARS)
        await flush();
    } else if (r.postType !== "attachment")
      run.report.skipped(`items of type ${r.postType || "(none)"}`);
  });
  await flush();
}
