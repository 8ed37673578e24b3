import autocannon from "autocannon";
import { IN_PROCESS, describeGenerator, type Generator } from "./generator.js";
import { get } from "./http.js";
import { runWrk } from "./wrk.js";

/** One kind of request to hammer the server with. */
export interface Load {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  /** A new body for every request (comment posts must be distinct to be accepted). */
  body?: () => string;
  /**
   * A crawler: every request a different path from this list, never one twice in a measurement
   * (each would be a cache hit). Each round takes its own slice and ends when it is used up or
   * its time is, whichever comes first; `path` is then only the label.
   */
  distinctPaths?: readonly string[];
  /**
   * Seconds of warm-up when the plan's are too few for this load's code to be compiled: V8 keeps
   * optimising a cold render's code for ~15 s of crawling (decision 030). A crawler's warm-up
   * also ends when its share of `distinctPaths` is used up.
   */
  warmupSeconds?: number;
  /** The statuses that count as served: 200 for a page, 303 for an accepted comment. */
  ok: (status: number) => boolean;
}

/** How hard and how long: the same for Kiosque and for the baselines it is compared with. */
export interface LoadPlan {
  connections: number;
  warmupSeconds: number;
  roundSeconds: number;
  rounds: number;
  /** The generator for plain GETs; absent: autocannon in the bench's process for everything. */
  generator?: Generator;
}

export interface Round {
  /** Requests answered with an `ok` status, per second of the round. */
  reqPerSec: number;
  /** Latency of every answer, in milliseconds. */
  p50: number;
  p99: number;
  ok: number;
  /** Answers with another status, by status. */
  others: Record<string, number>;
  /** Connection errors and timeouts. */
  errors: number;
  /** Sent but not answered when the round ended (a few in flight is normal; all is a hang). */
  unanswered: number;
  seconds: number;
  /** What sent the load: "wrk 4.1.0, 2 threads", "autocannon × 2 workers", "autocannon (1 process)". */
  generator: string;
}

/**
 * Over the rounds: req/s, p50 and p99 are medians (each on its own); ok, others, errors,
 * unanswered and seconds are totals. The rounds themselves are kept for the JSON.
 */
export interface Figure extends Round {
  rounds: Round[];
  /** The warm-up, thrown away but kept for the report: a server's first seconds. */
  warmup?: Round;
}

/** The q-th quantile (0–1) of ascending `sorted`, nearest rank. */
export function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * autocannon in the bench's own process: closures for bodies and paths work here (not in its
 * worker threads), and latencies are kept to the microsecond.
 */
function inProcess(
  baseUrl: string,
  load: Load,
  connections: number,
  seconds: number,
  paths: readonly string[] | undefined,
): Promise<Round> {
  const request: autocannon.Request = {
    method: load.method,
    path: load.path,
    ...(load.headers ? { headers: load.headers } : {}),
  };
  const body = load.body;
  if (body) request.setupRequest = (req) => ({ ...req, body: body() });
  let next = 0;
  if (paths) request.setupRequest = (req) => ({ ...req, path: paths[next++ % paths.length] });
  // autocannon's own histogram keeps whole milliseconds; a p99 target of 10 ms needs better,
  // so every answer's time (a float, in ms) is kept here and sorted once at the end.
  const latencies: number[] = [];
  const started = performance.now();
  let lastAnswer = started;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${baseUrl}${load.path}`,
        // Never more connections than paths: each would otherwise ask for one twice.
        connections: paths ? Math.max(1, Math.min(connections, paths.length)) : connections,
        duration: seconds,
        requests: [request],
        // A crawler's round ends after its slice; the duration still bounds it (timer below).
        ...(paths ? { amount: paths.length } : {}),
      },
      (error: unknown, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        const { ok, answered, others } = tally(load, result.statusCodeStats);
        const sorted = Float64Array.from(latencies).sort();
        // autocannon notices the end of an `amount` only at its next 1 s tick: a crawler round
        // lasts until its last answer, timed here.
        const seconds = paths ? (lastAnswer - started) / 1000 : result.duration;
        resolve({
          reqPerSec: seconds > 0 ? ok / seconds : 0,
          p50: quantile(sorted, 0.5),
          p99: quantile(sorted, 0.99),
          ok,
          others,
          errors: result.errors,
          unanswered: Math.max(0, result.requests.sent - answered - result.errors),
          seconds,
          generator: IN_PROCESS,
        });
      },
    );
    instance.on("response", (_client, _status, _bytes, ms: number) => {
      latencies.push(ms);
      lastAnswer = performance.now();
    });
    // `amount` overrides `duration` in autocannon: a slow crawl still ends on time.
    if (paths) {
      const timer = setTimeout(() => instance.stop(), seconds * 1000);
      instance.on("done", () => clearTimeout(timer));
    }
  });
}

/** autocannon over worker threads: its histograms are merged, in whole milliseconds. */
function inWorkers(
  baseUrl: string,
  load: Load,
  connections: number,
  seconds: number,
  workers: number,
): Promise<Round> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${baseUrl}${load.path}`,
        connections,
        duration: seconds,
        workers,
        method: load.method,
        ...(load.headers ? { headers: load.headers } : {}),
      },
      (error: unknown, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        const { ok, answered, others } = tally(load, result.statusCodeStats);
        resolve({
          reqPerSec: result.duration > 0 ? ok / result.duration : 0,
          p50: result.latency.p50,
          p99: result.latency.p99,
          ok,
          others,
          errors: result.errors,
          unanswered: Math.max(0, result.requests.sent - answered - result.errors),
          seconds: result.duration,
          generator: `autocannon × ${workers} workers`,
        });
      },
    );
  });
}

/**
 * wrk on one path: it counts answers outside 2xx/3xx without their status, so those are the
 * "not counted" ones (a page load's only 2xx is 200; no page answers 3xx to these requests).
 */
async function withWrk(
  baseUrl: string,
  load: Load,
  connections: number,
  seconds: number,
  generator: Extract<Generator, { kind: "wrk" }>,
  paths?: readonly string[],
): Promise<Round> {
  const s = await runWrk({
    // A crawler's `path` is only its label: every request asks one of `paths`.
    url: paths ? `${baseUrl}/` : `${baseUrl}${load.path}`,
    connections,
    threads: generator.threads,
    seconds,
    headers: load.headers,
    paths,
    bin: generator.bin,
  });
  const ok = s.requests - s.non2xx3xx;
  return {
    reqPerSec: s.seconds > 0 ? ok / s.seconds : 0,
    p50: s.p50,
    p99: s.p99,
    ok,
    others: s.non2xx3xx > 0 ? { "non-2xx/3xx": s.non2xx3xx } : {},
    errors: s.errors,
    // wrk does not say; requests still in flight at its end are not in its count.
    unanswered: 0,
    seconds: s.seconds,
    generator: describeGenerator(generator),
  };
}

/**
 * One round with the run's generator, or in-process autocannon for what needs it: a body per
 * request (POST), or a path per request (the crawler) when wrk is not there to script.
 */
function once(
  baseUrl: string,
  load: Load,
  plan: LoadPlan,
  seconds: number,
  paths?: readonly string[],
): Promise<Round> {
  const g = plan.generator;
  if (load.body || load.method !== "GET" || !g || (paths && g.kind !== "wrk"))
    return inProcess(baseUrl, load, plan.connections, seconds, paths);
  if (g.kind === "wrk") return withWrk(baseUrl, load, plan.connections, seconds, g, paths);
  return inWorkers(baseUrl, load, plan.connections, seconds, g.workers);
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** Told when the measured rounds start and end (the server's CPU is read around them). */
export interface RoundsObserver {
  /** Just before the first measured round, after the warm-up. */
  started(): void;
  /** Just after the last measured round. */
  ended(): void;
}

/**
 * A short warm-up (JIT, caches, connection set-up; thrown away), then `rounds` bounded rounds.
 * Each figure is the median over the rounds, so one noisy round moves nothing.
 */
export async function measure(
  baseUrl: string,
  load: Load,
  plan: LoadPlan,
  observer?: RoundsObserver,
): Promise<Figure> {
  // One request alone first: the figures are about serving a page readers already asked for,
  // not about 50 readers arriving together on a page nobody has asked for yet.
  // A crawler's paths are all misses: its warm-up takes a share of its own, as large as a
  // round's, never asked again. (50 paths, as it had, ended its warm-up in a few milliseconds:
  // the first round then paid for compiling the cold render, ~10 % of its rate at 100k.)
  const list = load.distinctPaths;
  let used = 0;
  const slice = (n: number) => (list ? list.slice(used, (used += n)) : undefined);
  if (load.method === "GET" && !list) await get(`${baseUrl}${load.path}`).catch(() => undefined);
  const warmupSeconds = Math.max(plan.warmupSeconds, load.warmupSeconds ?? 0);
  const warmup =
    warmupSeconds > 0
      ? await once(
          baseUrl,
          load,
          plan,
          warmupSeconds,
          list && slice(Math.max(1, Math.floor(list.length / (plan.rounds + 1)))),
        )
      : undefined;
  const rounds: Round[] = [];
  observer?.started();
  for (let i = 0; i < plan.rounds; i++) {
    const paths = list ? slice(Math.floor((list.length - used) / (plan.rounds - i))) : undefined;
    if (paths?.length === 0) throw new Error(`${load.path}: not enough distinct paths`);
    rounds.push(await once(baseUrl, load, plan, plan.roundSeconds, paths));
  }
  observer?.ended();
  const statuses = new Set(rounds.flatMap((r) => Object.keys(r.others)));
  return {
    reqPerSec: median(rounds.map((r) => r.reqPerSec)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    ok: rounds.reduce((n, r) => n + r.ok, 0),
    // Totals over the rounds: any refused request is worth seeing, not a median of them.
    others: Object.fromEntries(
      [...statuses].map((s) => [s, rounds.reduce((n, r) => n + (r.others[s] ?? 0), 0)]),
    ),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    unanswered: rounds.reduce((n, r) => n + r.unanswered, 0),
    seconds: rounds.reduce((n, r) => n + r.seconds, 0),
    generator: [...new Set(rounds.map((r) => r.generator))].join(", "),
    rounds,
    ...(warmup && { warmup }),
  };
}

/** autocannon's answers by status: those the load counts as done, all answered, and the rest. */
function tally(
  load: Load,
  stats: Record<string, { count?: number }> | undefined,
): { ok: number; answered: number; others: Record<string, number> } {
  let ok = 0;
  let answered = 0;
  const others: Record<string, number> = {};
  for (const [status, stat] of Object.entries(stats ?? {})) {
    const count = stat.count ?? 0;
    answered += count;
    if (load.ok(Number(status))) ok += count;
    else others[status] = count;
  }
  return { ok, answered, others };
}
