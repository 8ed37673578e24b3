import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { crawlerPaths } from "../bench/runner/crawler.js";
import { BENCH_ARTICLE_SLUG, type DatasetSpec } from "../bench/data/plan.js";
import { measure, type Load, type LoadPlan } from "../bench/runner/load.js";
import { parseWrkOutput, wrkDuration, wrkVersion } from "../bench/runner/wrk.js";

// What Debian's wrk 4.1.0 prints with --latency, a run with refused answers and socket errors.
const WRK_OUTPUT = `Running 5s test @ http://127.0.0.1:41233/article/bench-article
  2 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.91ms    3.00ms  45.41ms   96.39%
    Req/Sec     8.40k   296.93     9.29k    72.73%
  Latency Distribution
     50%  812.00us
     75%    3.16ms
     90%    4.38ms
     99%    1.05s
  84000 requests in 5.01s, 9.10GB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 120
Requests/sec:  16790.00
Transfer/sec:      1.82GB
`;

describe("the wrk output parser", () => {
  it("reads requests, time, p50, p99, refused answers and errors", () => {
    const s = parseWrkOutput(WRK_OUTPUT);
    expect(s.requests).toBe(84_000);
    expect(s.seconds).toBeCloseTo(84_000 / 16_790, 6);
    expect(s.p50).toBeCloseTo(0.812, 6);
    expect(s.p99).toBeCloseTo(1_050, 6);
    expect(s.non2xx3xx).toBe(120);
    expect(s.errors).toBe(5);
  });

  it("times a crawl that ran out of paths by its script's line, not by wrk's whole -d", () => {
    const ranOut = WRK_OUTPUT.replace(
      "Transfer/sec:      1.82GB\n",
      "Transfer/sec:      1.82GB\nCrawl ran out of paths after 312.500ms\n",
    );
    const s = parseWrkOutput(ranOut);
    expect(s.seconds).toBeCloseTo(0.3125, 6);
    expect(s.requests).toBe(84_000);
  });

  it("counts nothing refused when wrk prints no such line", () => {
    const clean = WRK_OUTPUT.replace(/^\s*(Socket errors|Non-2xx).*\n/gm, "");
    expect(parseWrkOutput(clean)).toMatchObject({ non2xx3xx: 0, errors: 0 });
  });

  it("refuses output without a summary (wrk could not connect)", () => {
    expect(() => parseWrkOutput("unable to connect to 127.0.0.1:1 Connection refused\n")).toThrow(
      /request count/,
    );
  });

  it("converts every unit wrk prints", () => {
    expect(wrkDuration("950.00us")).toBeCloseTo(0.95, 6);
    expect(wrkDuration("2.5ms")).toBe(2.5);
    expect(wrkDuration("2.01s")).toBeCloseTo(2_010, 6);
    expect(wrkDuration("1.50m")).toBe(90_000);
  });
});

describe("finding wrk", () => {
  it("says there is none where it is not installed (the bench then uses autocannon)", async () => {
    expect(await wrkVersion("/nonexistent/wrk")).toBeUndefined();
  });
});

describe("the crawler's paths", () => {
  const spec: DatasetSpec = { articles: 300, comments: 0, benchComments: 0, seed: 42 };

  it("are distinct published articles, the bench article left out, the same every run", () => {
    const paths = crawlerPaths(spec);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths.length).toBeGreaterThan(280);
    expect(paths.length).toBeLessThan(300);
    expect(paths).not.toContain(`/article/${BENCH_ARTICLE_SLUG}`);
    expect(paths.every((p) => /^\/article\/[a-z0-9-]+-\d+$/.test(p))).toBe(true);
    expect(crawlerPaths(spec)).toEqual(paths);
  });
});

describe("a crawler's measurement", () => {
  it("warms up on a share of its own paths, for its own time, and keeps that round", async () => {
    const asked: string[] = [];
    const server = http.createServer((req, res) => {
      asked.push(req.url ?? "");
      // Slow: the plan's half-second warm-up would end long before its 6 paths are answered.
      setTimeout(() => res.end("page"), 400);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const paths = Array.from({ length: 20 }, (_, i) => `/article/a-${i}`);
      const load: Load = {
        method: "GET",
        path: "/article/…",
        distinctPaths: paths,
        warmupSeconds: 20,
        ok: (status) => status === 200,
      };
      const plan: LoadPlan = { connections: 2, warmupSeconds: 0.5, roundSeconds: 5, rounds: 2 };
      const figure = await measure(`http://127.0.0.1:${port}`, load, plan);
      // A third of the list each (20 / (2 + 1)), the warm-up first; no path asked twice.
      expect(figure.warmup?.ok).toBe(6);
      expect(figure.rounds.map((r) => r.ok)).toEqual([7, 7]);
      expect(new Set(asked).size).toBe(asked.length);
      expect(asked.slice(0, 6).sort()).toEqual(paths.slice(0, 6).sort());
      // It ended when its share was used up, long before the 20 s it was allowed.
      expect(figure.warmup?.seconds).toBeLessThan(5);
    } finally {
      server.close();
    }
  });
});
