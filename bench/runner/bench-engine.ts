import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { thousands } from "../data/args.js";
import { generateDataset } from "../data/generate-dataset.js";
import type { DatasetSpec } from "../data/plan.js";
import { progressBar } from "../data/progress.js";
import {
  makeStaticDir,
  saveArticleHtml,
  startNginx,
  startStaticServer,
  NGINX,
  type Baseline,
} from "./baseline.js";
import type { Cleanup } from "./cleanup.js";
import { measureColdStart } from "./cold-start.js";
import { cpuMsPerRequest, faultsPerRequest, sampleCpu, type CpuSample } from "./cpu.js";
import { crawlerLoad } from "./crawler.js";
import { measureDesk } from "./desk.js";
import { measureGifs } from "./gifs.js";
import { personalPageLoad } from "./personal.js";
import { provisionDatabase } from "./databases.js";
import { kiosqueCli, startServer, type DatabaseLocation, type Server } from "./kiosque.js";
import { measure, type Figure, type LoadPlan } from "./load.js";
import { measureMediaUpload } from "./media.js";
import { readMemory, readMemoryAtRest } from "./memory.js";
import { readIntoOsCache } from "./os-cache.js";
import { measureStaffList } from "./staff-list.js";
import type { RunOptions } from "./options.js";
import { tail } from "./processes.js";
import type { BenchResult, DatasetResult, Engine, PageResult } from "./result.js";
import { currentCommit } from "./results-file.js";
import { ARTICLE_PATH, commentPostLoad, pageLoads, searchLoad } from "./scenarios.js";
import { checkTargets } from "./targets.js";
import { measurePageWeight } from "./weight.js";
import { measurePublishVisible } from "./publish.js";
import { measureRelatedScale } from "./related-scale.js";
import { measureWordpressImport } from "./wordpress-import.js";

export interface EngineRun {
  options: RunOptions;
  cleanup: Cleanup;
  log: (message: string) => void;
}

/** A fresh database filled with `spec`, set up for load: comments may be posted at once. */
async function prepareDataset(
  engine: Engine,
  name: string,
  spec: DatasetSpec,
  workDir: string,
  run: EngineRun,
  reindex = true,
): Promise<{ location: DatabaseLocation; dataset: DatasetResult }> {
  const location = await provisionDatabase(
    engine,
    name,
    workDir,
    run.options.adminUrl,
    run.cleanup,
  );
  run.log(`generating ${thousands(spec.articles)} articles, ${thousands(spec.comments)} comments`);
  const bar = progressBar("generating");
  const report = await generateDataset(spec, location, bar.update).finally(bar.stop);
  run.log(`generated in ${report.seconds.toFixed(1)} s`);
  // The load generator posts within milliseconds of nothing, thousands a second from one address:
  // the fill-time rule would call it a bot and the per-client limit would stop it. The burst rule
  // stays on: it only holds, and its look-up is part of a post's cost.
  await kiosqueCli(location, ["settings", "set", "comments.minFillSeconds", "0"]);
  await kiosqueCli(location, ["settings", "set", "rateLimit.comments.max", "0"]);
  // The load generator searches thousands of times a second from one address.
  await kiosqueCli(location, ["settings", "set", "rateLimit.search.max", "0"]);
  // The generator writes rows around the services: search and related lists are built after.
  if (reindex) {
    run.log("reindexing (search and related lists)");
    await kiosqueCli(location, ["reindex"]);
  }
  return { location, dataset: { ...spec, generateSeconds: report.seconds } };
}

async function measurePages(
  server: Server,
  pages: ReturnType<typeof pageLoads>,
  plan: LoadPlan,
  run: EngineRun,
  suffix = "",
): Promise<PageResult[]> {
  const results: PageResult[] = [];
  for (const page of pages) {
    run.log(`measuring ${page.label}${suffix}`);
    const figure = await measure(server.baseUrl, page.load, plan);
    results.push({ key: page.key, label: `${page.label}${suffix}`, path: page.load.path, figure });
  }
  return results;
}

async function measureBaseline(baseline: Baseline, plan: LoadPlan): Promise<Figure> {
  try {
    const url = new URL(baseline.url);
    return await measure(
      url.origin,
      { method: "GET", path: url.pathname, ok: (s) => s === 200 },
      plan,
    );
  } finally {
    await baseline.stop();
  }
}

/** Many different articles, each once: every request a miss of the page cache. */
async function measureCrawler(
  server: Server,
  location: DatabaseLocation,
  spec: DatasetSpec,
  run: EngineRun,
  suffix = "",
): Promise<PageResult> {
  const load = crawlerLoad(spec);
  const count = load.distinctPaths?.length ?? 0;
  const warmed = readIntoOsCache(location);
  run.log(`measuring the crawler${suffix} (${thousands(count)} different articles)`);
  // The server's CPU per article beside the rate: the rate depends on the machine's speed and on
  // the load generator sharing its cores, the CPU per article only on the first.
  let before: CpuSample | undefined;
  let after: CpuSample | undefined;
  const pid = server.child.pid;
  const figure = await measure(server.baseUrl, load, run.options.plan, {
    started: () => (before = sampleCpu(pid)),
    ended: () => (after = sampleCpu(pid)),
  });
  const cpuMs = cpuMsPerRequest(before, after, figure.ok);
  const faults = faultsPerRequest(before, after, figure.ok);
  return {
    key: "crawler",
    label: `crawler: different articles, cache cold${suffix}`,
    path: load.path,
    figure,
    note: [
      `${thousands(count)} articles, each asked once`,
      warmed > 0
        ? `database read into the OS cache first (${Math.round(warmed / 2 ** 20)} MB)`
        : "",
      cpuMs !== undefined ? `${cpuMs.toFixed(2)} ms of server CPU per article` : "",
      faults !== undefined ? `${faults.toFixed(1)} page faults per article` : "",
      figure.warmup
        ? `warm-up first: ${thousands(figure.warmup.ok)} articles in ` +
          `${figure.warmup.seconds.toFixed(1)} s, ${thousands(Math.round(figure.warmup.reqPerSec))}/s`
        : "",
    ]
      .filter(Boolean)
      .join("; "),
  };
}

/** nginx is a courtesy baseline: its absence or failure is reported, never fatal. */
async function measureNginx(
  staticDir: string,
  workDir: string,
  run: EngineRun,
): Promise<{ nginx: Figure } | { nginxNote: string }> {
  let nginx: Baseline | undefined;
  try {
    nginx = await startNginx(staticDir, workDir, run.cleanup);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { nginxNote: `n/a — nginx did not start (${reason})` };
  }
  if (!nginx) return { nginxNote: `n/a — ${NGINX} not installed` };
  run.log("measuring nginx");
  return { nginx: await measureBaseline(nginx, run.options.plan) };
}

/** A server that died under load would make every later figure meaningless: stop there. */
function assertAlive(server: Server): void {
  if (server.child.hasExited())
    throw new Error(`the server exited during the bench:\n${tail(server.child.logFile)}`);
}

/** Everything the bench measures on one engine. */
export async function benchEngine(engine: Engine, run: EngineRun): Promise<BenchResult> {
  const { options, cleanup, log } = run;
  const startedAt = new Date().toISOString();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `kiosque-bench-${engine}-`));
  cleanup.defer(`remove ${workDir}`, () => fs.rmSync(workDir, { recursive: true, force: true }));
  const serverLog = path.join(workDir, "server.log");

  const main = await prepareDataset(engine, "main", options.dataset, workDir, run);
  const server = await startServer(main.location, serverLog, cleanup);
  const pages = await measurePages(server, pageLoads(), options.plan, run);
  const search = await searchLoad(server.baseUrl);
  if (search) {
    log("measuring search");
    pages.push({
      key: "search",
      label: `search ${search.path}`,
      path: search.path,
      figure: await measure(server.baseUrl, search, options.plan),
    });
  } else {
    pages.push({ key: "search", label: "search", note: "n/a — no search yet" });
  }
  // Right after the article: the same page, for a reader with a held comment and "remember me".
  log("measuring the personal article page");
  const personal = await personalPageLoad(server.baseUrl);
  pages.push({
    key: "personal",
    label: `personal ${personal.path} (held comment, remembered, br)`,
    path: personal.path,
    figure: await measure(server.baseUrl, personal, options.plan),
  });
  assertAlive(server);
  pages.push(await measureCrawler(server, main.location, options.dataset, run));
  assertAlive(server);
  log("measuring the newsroom's article list");
  const staffList = await measureStaffList(
    main.location,
    server.baseUrl,
    options.dataset,
    options.mode,
  );
  assertAlive(server);
  log("timing a publication until the server's cached home page shows it");
  const publish = await measurePublishVisible(
    main.location,
    server.baseUrl,
    options.mode === "quick" ? 2 : 5,
  );
  assertAlive(server);
  const serverProcesses = readMemory(server.child.pid)?.processes?.length;

  // The baseline: the same article page, saved, served by a minimal static server and nginx.
  const staticDir = makeStaticDir(cleanup);
  const articleHtmlBytes = await saveArticleHtml(`${server.baseUrl}${ARTICLE_PATH}`, staticDir);
  log("measuring the static file server");
  const staticFigure = await measureBaseline(
    await startStaticServer(staticDir, path.join(workDir, "static.log"), cleanup),
    options.plan,
  );
  const nginx = await measureNginx(staticDir, workDir, run);

  const memoryAfterPages = readMemory(server.child.pid);
  log("measuring comment posts");
  const commentPosts = await measure(server.baseUrl, commentPostLoad(), options.plan);
  assertAlive(server);
  const memoryUnderLoad = readMemory(server.child.pid);
  const memory = await readMemoryAtRest(server.child.pid);
  // After the posts: new readers' comments are held, so the desk has a queue to work on.
  log("measuring the moderation desk");
  const desk = await measureDesk(server, main.location, options.mode === "quick" ? 50 : 200);
  assertAlive(server);
  // After the desk, before the page's weight (of another article): GIF replies (issue 12).
  log("measuring GIF search, an article with GIF comments and a kept GIF");
  const gifs = await measureGifs(
    server,
    main.location,
    options.plan,
    workDir,
    cleanup,
    options.mode === "quick" ? 50 : 300,
  );
  assertAlive(server);
  log("weighing the article page");
  const weight = await measurePageWeight(`${server.baseUrl}${ARTICLE_PATH}`);
  await server.child.stop();
  log("timing cold starts");
  const coldStart = await measureColdStart(main.location, serverLog, cleanup);
  // In this process, with nothing else running: the service call and the job's work, timed.
  log("timing a 12-megapixel JPEG from upload to variants ready");
  const mediaDb = await provisionDatabase(engine, "media", workDir, options.adminUrl, cleanup);
  const media = await measureMediaUpload(mediaDb, options.mode === "quick" ? 1 : 3);
  log("timing kiosque import wordpress");
  const wordpressDb = await provisionDatabase(
    engine,
    "wordpress",
    workDir,
    options.adminUrl,
    cleanup,
  );
  const wordpressImport = await measureWordpressImport(
    wordpressDb,
    workDir,
    options.mode === "quick"
      ? { posts: 200, comments: 2_000, seed: options.dataset.seed }
      : { posts: 10_000, comments: 100_000, seed: options.dataset.seed },
  );

  const result: BenchResult = {
    engine,
    mode: options.mode,
    startedAt,
    machine: {
      node: process.versions.node,
      cpus: os.availableParallelism(),
      platform: process.platform,
    },
    commit: currentCommit(),
    plan: options.plan,
    dataset: main.dataset,
    pages,
    commentPosts,
    baseline: {
      articleHtmlBytes,
      static: staticFigure,
      ...nginx,
    },
    coldStart,
    media,
    wordpressImport,
    publish,
    desk,
    gifs,
    memory,
    memoryUnderLoad,
    memoryAfterPages,
    ...(serverProcesses ? { serverProcesses } : {}),
    weight,
    staffList,
    checks: [],
  };
  if (options.fullDataset) result.full = await benchFull(engine, options.fullDataset, workDir, run);
  result.checks = checkTargets(result);
  return result;
}

/** The large dataset: the pages that must not slow down with it, memory, cold start. */
async function benchFull(
  engine: Engine,
  spec: DatasetSpec,
  workDir: string,
  run: EngineRun,
): Promise<NonNullable<BenchResult["full"]>> {
  // The reindex is measured here (time, peak memory), with publications and searches: issue 13.
  const full = await prepareDataset(engine, "full", spec, workDir, run, false);
  run.log("measuring reindex, publish and search at 100k (issue 13)");
  const relatedScale = await measureRelatedScale(full.location);
  const serverLog = path.join(workDir, "server-full.log");
  const server = await startServer(full.location, serverLog, run.cleanup);
  const wanted = pageLoads().filter((p) => p.key === "home" || p.key === "article");
  const pages = await measurePages(server, wanted, run.options.plan, run, " (100k)");
  pages.push(await measureCrawler(server, full.location, spec, run, " (100k)"));
  assertAlive(server);
  run.log("measuring the newsroom's article list at 100k");
  const staffList = await measureStaffList(full.location, server.baseUrl, spec, "full");
  assertAlive(server);
  const memoryUnderLoad = readMemory(server.child.pid);
  const memory = await readMemoryAtRest(server.child.pid);
  run.log("measuring the moderation desk at 1M comments");
  const desk = await measureDesk(server, full.location, 200);
  assertAlive(server);
  await server.child.stop();
  run.log("timing cold starts at 100k");
  const coldStart = await measureColdStart(full.location, serverLog, run.cleanup);
  return {
    dataset: full.dataset,
    pages,
    coldStart,
    memory,
    memoryUnderLoad,
    staffList,
    desk,
    relatedScale,
  };
}
