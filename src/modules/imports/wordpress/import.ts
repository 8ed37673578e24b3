import type { Ctx } from "../../../ctx.js";
import { redirects } from "../../redirects/index.js";
import { convertContent } from "../content/convert.js";
import { NO_REFS } from "../content/refs.js";
import { ReportBuilder, type ImportReport } from "../report.js";
import { noSource, type MediaSource } from "../sources.js";
import { readWxr } from "../wxr/reader.js";
import type { ReadProgress, WxrChannel, WxrItem, WxrRecord } from "../wxr/model.js";
import { importAttachment } from "./attachments.js";
import { postFate } from "./fields.js";
import { importPage } from "./pages.js";
import { personFor } from "./people.js";
import { importPost } from "./posts.js";
import type { Run } from "./run.js";
import { rememberSite, requireSameSite, siteKey } from "./source-site.js";
import { importTerm } from "./terms.js";

export interface WordpressImport {
  file: string;
  /** Reads and converts everything, writes nothing, and says what it would do. */
  dryRun?: boolean;
  /** Pingbacks and trackbacks kept as comments (the default), or left out. */
  pingbacks?: boolean;
  /** Where attachments' bytes come from (sources.ts); none: images are listed, not imported. */
  media?: MediaSource;
  /** Posts and pages per transaction (BATCH_ITEMS unless said). */
  batchSize?: number;
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
 * The check: the whole file read and converted before anything is written, so a file malformed
 * at its last byte imports nothing. Its report is the dry run's (what would be done). Returns how
 * many records the site pass needs to read: up to the last author, term or attachment (an export
 * lists them first, and attachments anywhere), so that pass stops there and does not parse every
 * post and comment a third time; and the WordPress site the file is of, refused when this site
 * imported another (source-site.ts).
 */
async function check(
  run: Run,
  options: WordpressImport,
): Promise<{ siteRecords: number; site: string }> {
  const { report } = run;
  let records = 0;
  let siteRecords = 0;
  let channel: WxrChannel | undefined;
  for await (const r of readWxr(options.file, (p) => options.onProgress?.("check", p))) {
    records++;
    if (r.kind === "channel") channel = r;
    if (r.kind !== "item" || r.postType === "attachment") siteRecords = records;
    if (!options.dryRun) continue;
    if (r.kind === "author") report.imported("authors");
    else if (r.kind === "term") report.imported(`terms (${r.taxonomy})`);
    else if (r.kind === "item") planItem(run, r);
  }
  const site = siteKey(channel);
  await requireSameSite(run.ctx, options.file, site);
  return { siteRecords, site };
}

function planItem(run: Run, item: WxrItem): void {
  const { report } = run;
  if (item.postType === "attachment") return report.imported("attachments");
  if (item.postType !== "post" && item.postType !== "page")
    return report.skipped(`items of type ${item.postType || "(none)"}`);
  const fate = postFate(item.status, item.postPassword);
  if ("skip" in fate) return report.skipped(`${item.postType}s ${fate.skip}`);
  report.imported(`${item.postType === "post" ? "articles" : "pages"} (${fate.status})`);
  const converted = convertContent(item.content, NO_REFS);
  report.unknown(converted.unknown);
  for (const c of item.comments) {
    const ping = c.type === "pingback" || c.type === "trackback";
    if (ping && !run.pingbacks) report.skipped("pingbacks and trackbacks (--no-pingbacks)");
    else report.imported(ping ? "pingbacks and trackbacks" : "comments");
  }
}

/** Reads the file's records into `work`, the first `limit` of them when it is given. */
async function each(
  options: WordpressImport,
  pass: ImportPass,
  work: (r: WxrRecord) => Promise<void>,
  limit = Infinity,
): Promise<void> {
  let n = 0;
  for await (const r of readWxr(options.file, (p) => options.onProgress?.(pass, p))) {
    if (n++ >= limit) break;
    await work(r);
  }
}

/**
 * Imports a WordPress export. Three readings of the file, none holding it whole: the check
 * (nothing written until the whole file is known to be well-formed and a WordPress export of a
 * known version), then the site (authors, categories, tags, images), then the content (posts
 * with their comments, pages) — images before the posts that show them, wherever the export put
 * them. Each thing is written in a transaction of its own with its mapping row, so a second run
 * changes nothing and a run after an interrupted one completes it.
 */
export async function importWordpress(ctx: Ctx, options: WordpressImport): Promise<ImportReport> {
  const settings = await ctx.settings();
  const run: Run = {
    ctx,
    report: new ReportBuilder(options.dryRun === true),
    timeZone: settings["site.timezone"],
    maxDepth: settings["comments.maxDepth"],
    pingbacks: options.pingbacks !== false,
    media: options.media ?? noSource,
    maxBytes: settings["media.maxUploadMB"] * 1024 * 1024,
    channel: undefined,
    authors: new Map(),
    people: new Map(),
    categoryParents: new Map(),
    seenTerms: new Set(),
    terms: new Map(),
  };
  const { siteRecords, site } = await check(run, options);
  if (options.dryRun) return run.report.done();
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
        if (r.postType === "attachment") await importAttachment(run, r);
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
    if (items.length === 0) return;
    await ctx.write(async (tx, changed) => {
      for (const item of items)
        if (item.postType === "post") await importPost(run, tx, changed, item);
        else await importPage(run, tx, changed, item);
    });
  };
  await each(options, "content", async (r) => {
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
  return run.report.done();
}
