import http from "node:http";
import { categoryRows, type DatasetSpec } from "../data/plan.js";
import { kiosqueCli, type DatabaseLocation } from "./kiosque.js";
import { quantile } from "./load.js";

/**
 * The newsroom's article list (issue 10: "staff article list at 100k, filtered and paginated:
 * p95 < 50 ms"). It is never cached, so each request is the database's work: the figure is the
 * latency of many different filtered pages at light concurrency (a newsroom, not a crowd), with
 * the reader's listing pages asked the same way, each page once (cache cold), as the baseline.
 */

export interface LatencyFigure {
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  /** Answers other than 200, and connection errors. */
  failed: number;
}

export interface StaffListResult {
  staff: LatencyFigure;
  /** Reader listings (`/rubrique/…?page=N`), each page once: the same kind of query, public. */
  baseline: LatencyFigure;
  concurrency: number;
}

/** Requests per figure: a p95 over 100 is the 5th slowest; more in a full run. */
const REQUESTS = { quick: 100, default: 400, full: 400 } as const;
const CONCURRENCY = 4;
const EMAIL = "bench-editor@bench.example";
const PASSWORD = "bench editor password";

/** An editor signed in as a browser does; the session cookie it is given. */
export async function staffCookie(location: DatabaseLocation, baseUrl: string): Promise<string> {
  await kiosqueCli(location, [
    "user",
    "create",
    "--email",
    EMAIL,
    "--password",
    PASSWORD,
    "--role",
    "editor",
  ]).catch(() => undefined); // Already there from an earlier figure on this database.
  const body = new URLSearchParams({ email: EMAIL, password: PASSWORD }).toString();
  const cookie = await new Promise<string>((resolve, reject) => {
    const req = http.request(
      `${baseUrl}/admin/connexion`,
      {
        method: "POST",
        agent: false,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "content-length": Buffer.byteLength(body),
          "sec-fetch-site": "same-origin",
        },
      },
      (res) => {
        res.resume();
        const set = (res.headers["set-cookie"] ?? []).find((c) => c.startsWith("kq_staff="));
        if (res.statusCode !== 303 || !set)
          reject(new Error(`bench sign-in refused (status ${res.statusCode})`));
        else resolve(set.split(";")[0] ?? "");
      },
    );
    req.on("error", reject);
    req.end(body);
  });
  return cookie;
}

/** Filtered pages of the staff list, as editors use it: by status, section, byline, words. */
export function staffListPaths(spec: DatasetSpec, count: number): string[] {
  const sections = categoryRows().length;
  const words = ["conseil", "maire", "budget", "projet", "école"];
  const pages = Math.max(1, Math.min(20, Math.floor(spec.articles / 30 / sections)));
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    const page = (i % pages) + 1;
    const kinds = [
      `status=published&page=${page}`,
      `section=${(i % sections) + 1}&page=${page}`,
      `author=${(i % 20) + 1}&status=published`,
      `q=${encodeURIComponent(words[i % words.length] ?? "conseil")}`,
      `section=${(i % sections) + 1}&status=draft`,
      `page=${page}`,
    ];
    out.push(`/admin/articles?${kinds[i % kinds.length]}`);
  }
  return out;
}

/** Reader listing pages, each different while there are enough of them. */
export function readerListingPaths(spec: DatasetSpec, count: number): string[] {
  const sections = categoryRows();
  // articles.perPage's default: 10 a page.
  const pages = Math.max(1, Math.floor(spec.articles / sections.length / 10));
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    const section = sections[i % sections.length]?.slug ?? "";
    const page = (Math.floor(i / sections.length) % pages) + 1;
    out.push(`/rubrique/${section}${page > 1 ? `?page=${page}` : ""}`);
  }
  return out;
}

/** Each path once, `concurrency` at a time on kept-alive connections; every answer timed. */
export async function latencies(
  baseUrl: string,
  paths: readonly string[],
  headers: Record<string, string>,
  concurrency = CONCURRENCY,
): Promise<LatencyFigure> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const times: number[] = [];
  let failed = 0;
  let next = 0;
  const one = (path: string) =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const req = http.get(`${baseUrl}${path}`, { agent, headers, timeout: 10_000 }, (res) => {
        res.resume();
        res.on("end", () => {
          if (res.statusCode === 200) times.push(performance.now() - started);
          else failed++;
          resolve();
        });
      });
      req.on("timeout", () => req.destroy(new Error("timeout")));
      req.on("error", () => {
        failed++;
        resolve();
      });
    });
  const worker = async () => {
    while (next < paths.length) await one(paths[next++] ?? "/");
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    agent.destroy();
  }
  const sorted = Float64Array.from(times).sort();
  return {
    requests: paths.length,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    failed,
  };
}

/** The staff list figure and its baseline, on a running server over `location`'s database. */
export async function measureStaffList(
  location: DatabaseLocation,
  baseUrl: string,
  spec: DatasetSpec,
  mode: keyof typeof REQUESTS,
): Promise<StaffListResult> {
  const cookie = await staffCookie(location, baseUrl);
  const n = REQUESTS[mode];
  // A few first: connections opened, statements prepared, as on a newsroom's working day.
  await latencies(baseUrl, staffListPaths(spec, 8), { cookie });
  const staff = await latencies(baseUrl, staffListPaths(spec, n), { cookie });
  const baseline = await latencies(baseUrl, readerListingPaths(spec, n), {});
  return { staff, baseline, concurrency: CONCURRENCY };
}
