import { loadConfig } from "../../src/config/index.js";
import { createLogger } from "../../src/lib/logger.js";
import { editing } from "../../src/modules/articles/index.js";
import { related, reindex } from "../../src/modules/related/index.js";
import { search } from "../../src/modules/search/index.js";
import { openRuntime } from "../../src/runtime.js";
import type { Ctx } from "../../src/ctx.js";
import { substream } from "../data/prng.js";
import type { DatabaseLocation } from "./kiosque.js";
import { median } from "./load.js";

/** Issue 13's scale figures, measured in the bench's own process on the generated database. */
export interface RelatedScale {
  articles: number;
  reindexSeconds: number;
  /** Peak resident memory of the process over the reindex, MB (the process did nothing else). */
  reindexPeakMB: number;
  /** Publishing one article through the editing service, its search and related updates included. */
  publishMs: { median: number; samples: number[] };
  searchMs: { p50: number; p95: number; queries: number };
  /**
   * The same in CPU time of this process (user + system): on SQLite the database works in this
   * process, so this is the work itself, whatever else the machine runs at the time.
   */
  cpu: { reindexSeconds: number; publishMedianMs: number; searchP95Ms: number };
}

const PUBLISHES = 20;
const SEARCHES = 300;

/** The q-th quantile of the samples (nearest rank). */
function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

/**
 * Reindexes the whole database (timed, peak memory read from the kernel's high-water mark), then
 * publishes PUBLISHES new articles one at a time through the editing service (the figure is the
 * publish call: its transaction updates the search index and every related list it affects),
 * then runs SEARCHES searches of one to three words drawn from the generated text, some with a
 * typo, through the search service (what the page costs before rendering).
 */
export async function measureRelatedScale(location: DatabaseLocation): Promise<RelatedScale> {
  const config = loadConfig({
    LOG_LEVEL: "silent",
    ...(location.engine === "sqlite"
      ? { KIOSQUE_DATA_DIR: location.dataDir }
      : { DATABASE_URL: location.url }),
  });
  const runtime = await openRuntime(config, { log: createLogger({ logLevel: "silent" }) });
  try {
    const { ctx } = runtime;
    const c0 = cpuMs();
    const report = await reindex(ctx);
    const reindexCpu = (cpuMs() - c0) / 1000;
    const reindexPeakMB = process.resourceUsage().maxRSS / 1024;

    const editor = await ctx.db
      .selectFrom("users")
      .select(["id", "role"])
      .where("role", "in", ["editor", "admin"])
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const section = await ctx.db
      .selectFrom("categories")
      .select("id")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const sample = await sampleArticles(ctx);
    const r = substream(13, "related-scale");

    const publish: number[] = [];
    const publishCpu: number[] = [];
    for (let i = 0; i < PUBLISHES; i++) {
      const source = r.pick(sample);
      const id = await editing.createDraft(ctx, editor, {
        title: `${source.title} (${i})`,
        standfirst: source.standfirst,
        slug: "",
        body: source.body_html,
        section: String(section.id),
        tags: "",
        authors: [String(editor.id)],
        comments_open: "1",
      });
      const t0 = performance.now();
      const p0 = cpuMs();
      await editing.act(ctx, editor, id, "publish");
      publishCpu.push(cpuMs() - p0);
      publish.push(performance.now() - t0);
      if ((await related.listFor(ctx, id, 4)).length === 0)
        throw new Error("a published article got no related list");
    }

    const searches = await measureSearches(ctx, sample);
    return {
      articles: report.articles,
      reindexSeconds: report.seconds,
      reindexPeakMB,
      publishMs: { median: median(publish), samples: publish },
      searchMs: searches.ms,
      cpu: {
        reindexSeconds: reindexCpu,
        publishMedianMs: median(publishCpu),
        searchP95Ms: searches.cpuP95Ms,
      },
    };
  } finally {
    await runtime.close();
  }
}

/** The published articles the searches draw their words from (and the publications their text). */
async function sampleArticles(ctx: Ctx) {
  return ctx.db
    .selectFrom("articles")
    .select(["title", "standfirst", "body_html"])
    .where("status", "=", "published")
    .orderBy("id")
    .limit(50)
    .execute();
}

/**
 * SEARCHES searches of one to three words drawn from the sample's headlines and standfirsts, one
 * in five with a typo, a fifth of them asking for page 2, through the search service (what the
 * page costs before rendering): wall time and CPU time of this process.
 */
export async function measureSearches(
  ctx: Ctx,
  sample?: readonly { title: string; standfirst: string }[],
): Promise<{ ms: RelatedScale["searchMs"]; cpuP95Ms: number }> {
  const r = substream(13, "search-scale");
  const words = (sample ?? (await sampleArticles(ctx)))
    .flatMap((a) => `${a.title} ${a.standfirst}`.split(/[^\p{L}]+/u))
    .filter((w) => w.length >= 5);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < SEARCHES; i++) {
    const n = r.int(1, 3);
    const q = Array.from({ length: n }, () => {
      const w = r.pick(words);
      // One query in five with a typo: a letter dropped, the vocabulary looked up.
      return r.chance(0.2) ? w.slice(0, 2) + w.slice(3) : w;
    }).join(" ");
    const page = r.chance(0.2) ? 2 : 1;
    const t0 = performance.now();
    const c0 = cpuMs();
    await search.search(ctx, { q, page });
    cpu.push(cpuMs() - c0);
    times.push(performance.now() - t0);
  }
  return {
    ms: { p50: quantile(times, 0.5), p95: quantile(times, 0.95), queries: SEARCHES },
    cpuP95Ms: quantile(cpu, 0.95),
  };
}

/** CPU time of this process so far (user + system), ms. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export function formatRelatedScale(s: RelatedScale, engine: string): string {
  const ms = (n: number) => n.toFixed(1);
  const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
  return [
    `search and related at ${s.articles.toLocaleString("en")} articles (${engine})`,
    `  full reindex            ${s.reindexSeconds.toFixed(1)} s, peak RSS ${s.reindexPeakMB.toFixed(0)} MB   goal < 180 s: ${verdict(s.reindexSeconds < 180)}`,
    `  publish (related+index) median ${ms(s.publishMs.median)} ms over ${s.publishMs.samples.length}   goal < 200 ms: ${verdict(s.publishMs.median < 200)}`,
    `  search (service)        p50 ${ms(s.searchMs.p50)} ms, p95 ${ms(s.searchMs.p95)} ms over ${s.searchMs.queries}   goal p95 < 20 ms: ${verdict(s.searchMs.p95 < 20)}`,
    `  CPU time of the process  reindex ${s.cpu.reindexSeconds.toFixed(1)} s, publish median ${ms(s.cpu.publishMedianMs)} ms, search p95 ${ms(s.cpu.searchP95Ms)} ms (${engine === "sqlite" ? "SQLite works in-process: the work itself, however busy the machine" : "PostgreSQL works in its own processes: this process's share only"})`,
  ].join("\n");
}
