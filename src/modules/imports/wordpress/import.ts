import type { Ctx } from "../../../ctx.js";
import { redirects } from "../../redirects/index.js";
import { convertContent } from "../content/convert.js";
import { NO_REFS } from "../content/refs.js";
import { ReportBuilder, type ImportReport } from "../report.js";
import { noSource, type MediaSource } from "../sources.js";
import { readWxr } from "../wxr/reader.js";
import type { ReadProgress, WxrItem, WxrRecord } from "../wxr/model.js";
import { importAttachment } from "./attachments.js";
import { postFate } from "./fields.js";
import { importPage } from "./pages.js";
import { personFor } from "./people.js";
import { importPost } from "./posts.js";
import type { Run } from "./run.js";
import { importTerm } from "./terms.js";

export interface WordpressImport {
  file: string;
  /** Reads and converts everything, writes nothing, and says what it would do. */
  dryRun?: boolean;
  /** Pingbacks and trackbacks kept as comments (the default), or left out. */
  pingbacks?: boolean;
  /** Where attachments' bytes come from (sources.ts); none: images are listed, not imported. */
  media?: MediaSource;
  /** Called as the file is read: the pass (check, site, content) and how far it is. */
  onProgress?: (pass: ImportPass, progress: ReadProgress) => void;
}

export type ImportPass = "check" | "media" | "content";

/**
 * The check: the whole file read and converted before anything is written, so a file malformed
 * at its last byte imports nothing. Its report is the dry run's (what would be done).
 */
async function check(run: Run, options: WordpressImport): Promise<void> {
  const { report } = run;
  for await (const r of readWxr(options.file, (p) => options.onProgress?.("check", p))) {
    if (!options.dryRun) continue;
    if (r.kind === "author") report.imported("authors");
    else if (r.kind === "term") report.imported(`terms (${r.taxonomy})`);
    else if (r.kind === "item") planItem(run, r);
  }
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

async function each(
  run: Run,
  options: WordpressImport,
  pass: ImportPass,
  work: (r: WxrRecord) => Promise<void>,
): Promise<void> {
  for await (const r of readWxr(options.file, (p) => options.onProgress?.(pass, p))) await work(r);
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
    pingbacks: options.pingbacks !== false,
    media: options.media ?? noSource,
    maxBytes: settings["media.maxUploadMB"] * 1024 * 1024,
    channel: undefined,
    authors: new Map(),
    people: new Map(),
    categoryParents: new Map(),
    seenTerms: new Set(),
  };
  await check(run, options);
  if (options.dryRun) return run.report.done();

  await each(run, options, "media", async (r) => {
    if (r.kind === "channel") run.channel = r;
    else if (r.kind === "author") {
      run.authors.set(r.login, r);
      await personFor(run, r.login);
    } else if (r.kind === "term") {
      if (r.taxonomy === "category" && r.parent) run.categoryParents.set(r.slug, r.parent);
      await importTerm(run, r);
    } else if (r.postType === "attachment") await importAttachment(run, r);
  });
  await ctx.write((tx) =>
    redirects.record(tx, [
      { from: "/feed", to: "/feed.xml" },
      { from: "/comments/feed", to: "/feed.xml" },
      { from: "/?feed=rss2", to: "/feed.xml" },
      { from: "/?feed=rss", to: "/feed.xml" },
      { from: "/?feed=atom", to: "/feed.xml" },
    ]),
  );
  await each(run, options, "content", async (r) => {
    if (r.kind !== "item") return;
    if (r.postType === "post") await importPost(run, r);
    else if (r.postType === "page") await importPage(run, r);
    else if (r.postType !== "attachment")
      run.report.skipped(`items of type ${r.postType || "(none)"}`);
  });
  return run.report.done();
}
