import fs from "node:fs";
import path from "node:path";
import { FAKE_GIF_KEY, startFakeGifProvider } from "../../test/helpers/fake-gif-provider.js";
import { BENCH_ARTICLE_SLUG } from "../data/plan.js";
import { startStaticServer } from "./baseline.js";
import type { Cleanup } from "./cleanup.js";
import { get } from "./http.js";
import { kiosqueCli, type DatabaseLocation, type Server } from "./kiosque.js";
import { measure, quantile, type Figure, type LoadPlan } from "./load.js";

/**
 * Issue 12's figures, on the running server, with the fake GIF provider of the tests (a local
 * server speaking GIPHY's API) in this process:
 * - a search answered from the cache (`/gifs/search?q=…` asked once before): sequential requests,
 *   p50 and p95, beside `/readyz` on the same server (the floor of any answer); and under load,
 *   beside the static file server's figure of the same run;
 * - an article page (cached) with 20 comments carrying a GIF, then the same page once the desk's
 *   "remove the GIF" (`kiosque comments remove-gif`) took them away: what the GIFs cost a cached
 *   page, and nothing else;
 * - a kept GIF served by Kiosque (`/gifs/media/…`, from the database store) beside the same bytes
 *   served as a file by the static server.
 */
export interface GifFigure {
  search: { requests: number; p50Ms: number; p95Ms: number };
  readyz: { requests: number; p50Ms: number; p95Ms: number };
  searchLoad: Figure;
  article: {
    path: string;
    gifComments: number;
    without: Figure;
    with: Figure;
    /** The page's HTML as measured (uncompressed, as the load generator asks): with, without. */
    bytes: { with: number; without: number };
  };
  stored: { bytes: number; kiosque: Figure; static: Figure };
}

const GIF_COMMENTS = 20;
const OFFERED = ["bravo1", "merci2", "chien4", "casino3"];

async function sequential(url: string, requests: number) {
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const t0 = performance.now();
    const res = await fetch(url);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
    times.push(performance.now() - t0);
  }
  const sorted = Float64Array.from(times).sort();
  return { requests, p50Ms: quantile(sorted, 0.5), p95Ms: quantile(sorted, 0.95) };
}

/** An article with an open discussion, other than the one the other figures use. */
async function openArticle(baseUrl: string): Promise<string> {
  const home = (await get(`${baseUrl}/`)).body.toString("utf8");
  const slugs = [...new Set([...home.matchAll(/href="\/article\/([^"#?]+)"/g)].map((m) => m[1]))];
  for (const slug of slugs) {
    if (slug === BENCH_ARTICLE_SLUG) continue;
    const page = (await get(`${baseUrl}/article/${slug}`)).body.toString("utf8");
    if (page.includes('id="comment-form"')) return `/article/${slug}`;
  }
  throw new Error("no open discussion for the GIF figures");
}

/** 20 comments with a GIF on an article; their ids. */
async function postGifComments(base: string, articlePath: string): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < GIF_COMMENTS; i++) {
    const res = await fetch(`${base}${articlePath}/commentaires`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "sec-fetch-site": "same-origin",
      },
      body: new URLSearchParams({
        name: `Lecteur ${i}`,
        email: `gif-${process.pid}-${i}@bench.example`,
        body: `Réaction numéro ${i} (${process.pid}).`,
        gif: OFFERED[i % OFFERED.length] ?? "bravo1",
      }),
      redirect: "manual",
    });
    const id = Number(/#comment-(\d+)$/.exec(res.headers.get("location") ?? "")?.[1]);
    if (res.status !== 303 || !id) throw new Error(`a bench comment was refused: ${res.status}`);
    ids.push(id);
  }
  return ids;
}

export async function measureGifs(
  server: Server,
  location: DatabaseLocation,
  plan: LoadPlan,
  workDir: string,
  cleanup: Cleanup,
  requests: number,
): Promise<GifFigure> {
  const fake = await startFakeGifProvider();
  cleanup.defer("stop the fake GIF provider", () => fake.close());
  for (const [key, value] of [
    ["gif.provider", "giphy"],
    ["gif.key", FAKE_GIF_KEY],
    ["gif.giphyEndpoint", fake.url],
    // One address sends every request: the per-client limits would stop the load.
    ["rateLimit.gifSearch.max", "0"],
    // Published at once, so the page shows them: the figure is about showing GIFs.
    ["comments.holdFirst", "false"],
    ["comments.burstMax", "0"],
  ] as const)
    await kiosqueCli(location, ["settings", "set", key, value]);
  const base = server.baseUrl;
  const searchPath = "/gifs/search?q=bravo";
  // Asked once: the answer is then in the database, as for every later reader.
  await fetch(`${base}/gifs/trending`).then((r) => r.arrayBuffer());
  await fetch(`${base}${searchPath}`).then((r) => r.arrayBuffer());
  const callsBefore = fake.calls.length;
  const search = await sequential(`${base}${searchPath}`, requests);
  const readyz = await sequential(`${base}/readyz`, requests);
  const searchLoad = await measure(
    base,
    { method: "GET", path: searchPath, ok: (s) => s === 200 },
    plan,
  );
  if (fake.calls.length !== callsBefore)
    throw new Error("cached GIF searches reached the provider");

  const articlePath = await openArticle(base);
  const ids = await postGifComments(base, articlePath);
  const html = (await get(`${base}${articlePath}`)).body.toString("utf8");
  // Every comment shows its GIF; comments showing the same GIF share its file (keys by content),
  // and the fake provider's GIFs are one file: shown images are counted, not distinct files.
  const srcs = [...html.matchAll(/src="(\/gifs\/media\/[^"]+)"/g)].map((m) => m[1]);
  if (srcs.length < ids.length) throw new Error(`the article shows ${srcs.length} kept GIFs`);
  const page = { method: "GET" as const, path: articlePath, ok: (s: number) => s === 200 };
  // Each side is measured twice and the first thrown away: right after 20 writes the server is
  // still settling (the write-ahead log they grew, the pages they dropped), and the first round
  // measured that (a third of the second's rate on a busy 2-core machine), not the page.
  await measure(base, page, plan);
  const withGifs = await measure(base, page, plan);

  const src = srcs[0] ?? "";
  const bytes = (await get(`${base}${src}`)).body;
  const dir = path.join(workDir, "gif-static");
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  fs.writeFileSync(path.join(dir, "article.html"), bytes);
  const kiosque = await measure(base, { method: "GET", path: src, ok: (s) => s === 200 }, plan);
  const baseline = await startStaticServer(dir, path.join(workDir, "gif-static.log"), cleanup);
  let staticFigure: Figure;
  try {
    const url = new URL(baseline.url);
    staticFigure = await measure(
      url.origin,
      { method: "GET", path: url.pathname, ok: (s) => s === 200 },
      plan,
    );
  } finally {
    await baseline.stop();
  }
  // The same page, the GIFs taken away (their comments stay): the page without them.
  for (const id of ids) await kiosqueCli(location, ["comments", "remove-gif", String(id)]);
  const afterBytes = (await get(`${base}${articlePath}`)).body;
  const after = afterBytes.toString("utf8");
  if (after.includes("/gifs/media/")) throw new Error("the GIFs are still on the page");
  await measure(base, page, plan);
  const without = await measure(base, page, plan);
  return {
    search,
    readyz,
    searchLoad,
    article: {
      path: articlePath,
      gifComments: GIF_COMMENTS,
      without,
      with: withGifs,
      bytes: { with: Buffer.byteLength(html), without: afterBytes.length },
    },
    stored: { bytes: bytes.length, kiosque, static: staticFigure },
  };
}

export function describeGifs(f: GifFigure): { search: string; article: string; stored: string } {
  const ms = (n: number) => `${n.toFixed(2)} ms`;
  const rps = (fig: Figure) => `${Math.round(fig.reqPerSec).toLocaleString("en")}/s`;
  return {
    search:
      `p95 ${ms(f.search.p95Ms)} (p50 ${ms(f.search.p50Ms)}), ${f.search.requests} sequential; ` +
      `baseline /readyz p95 ${ms(f.readyz.p95Ms)}; under load ${rps(f.searchLoad)}, ` +
      `p99 ${f.searchLoad.p99.toFixed(1)} ms`,
    article:
      `${rps(f.article.with)} with ${f.article.gifComments} GIF comments, ` +
      `${rps(f.article.without)} once their GIFs are removed ` +
      `(${(f.article.with.reqPerSec / f.article.without.reqPerSec).toFixed(2)}×), ` +
      `p99 ${f.article.with.p99.toFixed(1)} / ${f.article.without.p99.toFixed(1)} ms; ` +
      `HTML ${(f.article.bytes.with / 1000).toFixed(1)} / ${(f.article.bytes.without / 1000).toFixed(1)} KB`,
    stored:
      `${rps(f.stored.kiosque)} for a ${(f.stored.bytes / 1000).toFixed(1)} KB GIF; the same ` +
      `bytes as a file ${rps(f.stored.static)} ` +
      `(${(f.stored.kiosque.reqPerSec / f.stored.static.reqPerSec).toFixed(2)}×)`,
  };
}
