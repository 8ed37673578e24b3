import { thousands } from "../data/args.js";
import { IN_PROCESS, describeGenerator } from "./generator.js";
import { describeDesk } from "./desk.js";
import { describeGifs } from "./gifs.js";
import { describeMedia } from "./media.js";
import type { Figure } from "./load.js";
import type { BenchResult, PageResult } from "./result.js";
import type { PageWeight } from "./weight.js";
import { table } from "./table.js";
import type { Check, CheckKey } from "./targets.js";

/** "0.49×", or two significant digits below 0.1 ("0.0027×"): a tiny ratio is still a figure. */
export const times = (ratio: number) =>
  `${Math.abs(ratio) >= 0.1 || ratio === 0 ? ratio.toFixed(2) : ratio.toPrecision(2)}×`;

const verdict = (c: Check | undefined) => (c ? (c.pass ? "PASS" : "FAIL") : "");

/** "429: 3, 2 conn. errors": what did not count, so a fast failure never looks fast. */
function refused(f: Figure): string {
  const parts = Object.entries(f.others).map(([s, n]) => `${s}: ${thousands(n)}`);
  if (f.errors > 0) parts.push(`${thousands(f.errors)} conn. errors`);
  // Requests in flight when a round ends are normal; a round with no answer at all is a hang.
  if (f.ok === 0 && f.unanswered > 0) parts.push(`${thousands(f.unanswered)} unanswered`);
  return parts.length > 0 ? `not counted: ${parts.join(", ")}` : "";
}

/** Latency in ms; "—" for a round with no answer at all. */
const ms = (n: number) => (!Number.isFinite(n) ? "—" : n < 10 ? n.toFixed(2) : n.toFixed(1));

function loadRow(
  label: string,
  f: Figure | undefined,
  ratio: string,
  check: Check | undefined,
  note = "",
): string[] {
  if (!f) return [label, "—", "—", "—", ratio, check?.target ?? "", verdict(check), note];
  return [
    label,
    thousands(f.reqPerSec),
    ms(f.p50),
    ms(f.p99),
    ratio,
    check?.target ?? "",
    verdict(check),
    [refused(f), note].filter(Boolean).join("; "),
  ];
}

function pageRows(pages: readonly PageResult[], extra: (p: PageResult) => [string, Check?]) {
  return pages.map((p) => {
    const [ratio, check] = extra(p);
    return loadRow(p.label, p.figure, ratio, check, p.note ?? "");
  });
}

/** "HTML: br from the server; CSS, JS: server sends uncompressed (…)": who compressed what. */
function compressionNote(w: PageWeight): string {
  const kinds = (pick: (r: PageWeight["resources"][number]) => boolean) =>
    [...new Set(w.resources.filter(pick).map((r) => r.kind.toUpperCase()))].join(", ");
  const parts: string[] = [];
  for (const encoding of ["br", "gzip"] as const) {
    const list = kinds((r) => r.encoding === encoding);
    if (list) parts.push(`${list}: ${encoding} from the server`);
  }
  const raw = kinds((r) => r.encoding === "none");
  if (raw)
    parts.push(`${raw}: server sends uncompressed (sizes are what brotli, quality 11, would make)`);
  return parts.join("; ");
}

/** The run as people read it: one load table, one table of the other figures. */
export function formatReport(r: BenchResult): string {
  const check = (key: CheckKey) => r.checks.find((c) => c.key === key);
  const staticRps = r.baseline.static.reqPerSec;
  const nginxRps = r.baseline.nginx?.reqPerSec;
  const byKey = (pages: readonly PageResult[], key: string) =>
    pages.find((p) => p.key === key)?.figure;

  const rows: string[][] = pageRows(r.pages, (p) => {
    const article = byKey(r.pages, "article");
    if (p.key === "personal" && p.figure && article)
      return [`${(p.figure.reqPerSec / article.reqPerSec).toFixed(2)}× article`, check("personal")];
    if (p.key === "crawler" && p.figure && article)
      return [`${times(p.figure.reqPerSec / article.reqPerSec)} article`];
    if (p.key !== "article" || !p.figure) return ["—"];
    const vsNginx = nginxRps ? `, ${(p.figure.reqPerSec / nginxRps).toFixed(2)}× nginx` : "";
    return [`${(p.figure.reqPerSec / staticRps).toFixed(2)}× static${vsNginx}`, check("article")];
  });
  rows.push(
    loadRow("comment POST (303 only)", r.commentPosts, "—", check("comment-post"), ""),
    loadRow("static file (node:http)", r.baseline.static, "1.00× static", undefined),
    r.baseline.nginx
      ? loadRow(
          "nginx",
          r.baseline.nginx,
          `${(r.baseline.nginx.reqPerSec / staticRps).toFixed(2)}× static`,
          undefined,
        )
      : ["nginx", r.baseline.nginxNote ?? "n/a", "", "", "", "", "", ""],
  );
  if (r.full) {
    const full = r.full;
    rows.push(
      ...pageRows(full.pages, (p) => {
        const small = byKey(r.pages, p.key);
        const ratio =
          small && p.figure ? `${times(p.figure.reqPerSec / small.reqPerSec)} of 1k` : "—";
        const key =
          p.key === "article" ? "article-full" : p.key === "crawler" ? "crawler-full" : "";
        return [ratio, key ? check(key) : undefined];
      }),
    );
  }

  const w = r.weight;
  const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
  const rss = (m: BenchResult["memory"]) =>
    m ? `${m.rssMiB.toFixed(0)} MB (peak ${m.peakMiB.toFixed(0)} MB)` : "n/a (no /proc)";
  // Each worker's own figure: the target is per process.
  const perProcess = (m: BenchResult["memory"]) =>
    m?.processes && m.processes.length > 1
      ? ` [each: ${m.processes.map((p) => `${p.rssMiB.toFixed(0)}`).join(", ")} MB]`
      : "";
  // Beside it, the same read as the load ended: what the process holds while it is busy.
  const underLoad = (m: BenchResult["memory"]) =>
    m ? `; ${m.rssMiB.toFixed(0)} MB as the load ended${perProcess(m)}` : "";
  const facts: { label: string; value: string; check?: Check | undefined }[] = [
    {
      label: "cold start (median of 5)",
      value: `${r.coldStart.median.toFixed(0)} ms`,
      check: check("cold-start"),
    },
    {
      label: "server RSS at rest after load",
      value: `${rss(r.memory)}${perProcess(r.memory)}${underLoad(r.memoryUnderLoad)}${r.memoryAfterPages ? `; ${r.memoryAfterPages.rssMiB.toFixed(0)} MB before the posts` : ""}`,
      check: check("rss"),
    },
  ];
  if (r.full) {
    facts.push(
      {
        label: "cold start at 100k (median of 5)",
        value: `${r.full.coldStart.median.toFixed(0)} ms`,
        check: check("cold-start-full"),
      },
      {
        label: "server RSS at 100k at rest after the crawler",
        value: `${rss(r.full.memory)}${perProcess(r.full.memory)}${underLoad(r.full.memoryUnderLoad)}`,
        check: check("rss-full"),
      },
    );
  }
  const staffFact = (label: string, s: BenchResult["staffList"], key?: CheckKey) => {
    if (!s) return;
    const ratio = s.staff.p95 / s.baseline.p95;
    const failed = s.staff.failed + s.baseline.failed;
    facts.push({
      label,
      value:
        `p95 ${s.staff.p95.toFixed(1)} ms (p50 ${s.staff.p50.toFixed(1)}) over ${s.staff.requests} ` +
        `filtered pages; reader listings p95 ${s.baseline.p95.toFixed(1)} ms: ${ratio.toFixed(2)}×` +
        `${failed > 0 ? `; ${failed} not 200` : ""} (${s.concurrency} at a time)`,
      check: key ? check(key) : undefined,
    });
  };
  staffFact("staff article list, filtered", r.staffList);
  staffFact("staff article list at 100k", r.full?.staffList, "staff-list-full");
  facts.push(
    {
      label: "article page, compressed",
      value: `HTML ${kb(w.html)} + CSS ${kb(w.css)} + JS ${kb(w.js)} = ${kb(w.total)}`,
      check: check("page-weight"),
    },
    { label: "article page JS", value: kb(w.js), check: check("page-js") },
  );
  if (r.publish)
    facts.push({
      label: "publish → visible on the server's cached home page",
      value: `${r.publish.samples.map((s) => s.toFixed(0)).join(", ")} ms`,
      check: check("publish-visible"),
    });
  if (r.media)
    facts.push({ label: "image upload → variants ready", value: describeMedia(r.media) });
  if (r.wordpressImport) {
    const wp = r.wordpressImport;
    facts.push({
      label: `WordPress import, ${wp.posts} posts / ${wp.comments} comments (${wp.fileMiB.toFixed(0)} MB)`,
      value: `${wp.seconds.toFixed(1)} s, peak ${wp.peakMiB.toFixed(0)} MB`,
      check: wp.posts >= 10_000 ? check("wordpress-import-time") : undefined,
    });
  }
  for (const [suffix, f] of [
    ["", r.desk],
    [" at 1M comments", r.full?.desk],
  ] as const) {
    if (!f) continue;
    const words = describeDesk(f);
    facts.push(
      {
        label: `desk queue page${suffix}`,
        value: words.queue,
        check: check(suffix ? "desk-queue-full" : "desk-queue"),
      },
      {
        label: `desk: approve selected in one action${suffix}`,
        value: words.approve,
        check: check(suffix ? "desk-approve-full" : "desk-approve"),
      },
    );
  }
  if (r.gifs) {
    const words = describeGifs(r.gifs);
    facts.push(
      {
        label: "GIF search answered from the cache",
        value: words.search,
        check: check("gif-search"),
      },
      {
        label: "article page with 20 GIF comments",
        value: words.article,
        check: check("gif-article"),
      },
      { label: "kept GIF served from storage", value: words.stored, check: check("gif-stored") },
    );
  }
  const scale = r.full?.relatedScale;
  if (scale)
    facts.push(
      {
        label: "full reindex at 100k (search + related), peak RSS",
        value: `${scale.reindexSeconds.toFixed(1)} s, ${scale.reindexPeakMB.toFixed(0)} MB`,
        check: check("reindex-full"),
      },
      {
        label: "publish with related + search update at 100k, median",
        value: `${scale.publishMs.median.toFixed(1)} ms`,
        check: check("related-publish-full"),
      },
      {
        label: "search (service) at 100k, p95",
        value: `${scale.searchMs.p95.toFixed(1)} ms (p50 ${scale.searchMs.p50.toFixed(1)})`,
        check: check("search-full"),
      },
    );
  const other = facts.map((f) => [f.label, f.value, f.check?.target ?? "", verdict(f.check)]);

  const d = r.dataset;
  const p = r.plan;
  const head =
    `Kiosque bench — ${r.engine}, ${r.mode} run, ${thousands(d.articles)} articles / ` +
    `${thousands(d.comments)} comments (seed ${d.seed}), ${p.connections} connections, ` +
    `${p.rounds} × ${p.roundSeconds} s rounds after ${p.warmupSeconds} s warm-up (medians), ` +
    `Node ${r.machine.node}, ${r.machine.cpus} cores\n` +
    `load: ${r.plan.generator ? describeGenerator(r.plan.generator) : IN_PROCESS} ` +
    `(comment POSTs: ${IN_PROCESS}, a body per request; the crawler: ` +
    `${r.plan.generator?.kind === "wrk" ? "wrk with a path list" : IN_PROCESS}); ` +
    `server: ${r.serverProcesses ?? "?"} process${r.serverProcesses === 1 ? "" : "es"} ` +
    `serving (KIOSQUE_WORKERS ${process.env.KIOSQUE_WORKERS ?? "unset: one per core"})`;
  return [
    head,
    "",
    table(["figure", "req/s", "p50 ms", "p99 ms", "ratio", "target", "result", "notes"], rows),
    "",
    table(["figure", "value", "target", "result"], other),
    `  page weight: ${compressionNote(w)}`,
    `  baseline: the article page, ${kb(r.baseline.articleHtmlBytes)} of HTML, saved and served as a file`,
  ].join("\n");
}
