import autocannon from "autocannon";
import { get } from "./http.js";

/** One kind of request to hammer the server with. */
export interface Load {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  /** A new body for every request (comment posts must be distinct to be accepted). */
  body?: () => string;
  /** The statuses that count as served: 200 for a page, 303 for an accepted comment. */
  ok: (status: number) => boolean;
}

/** How hard and how long: the same for Kiosque and for the baselines it is compared with. */
export interface LoadPlan {
  connections: number;
  warmupSeconds: number;
  roundSeconds: number;
  rounds: number;
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
}

/**
 * Over the rounds: req/s, p50 and p99 are medians (each on its own); ok, others, errors,
 * unanswered and seconds are totals. The rounds themselves are kept for the JSON.
 */
export interface Figure extends Round {
  rounds: Round[];
}

/** The q-th quantile (0–1) of ascending `sorted`, nearest rank. */
export function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

function once(baseUrl: string, load: Load, connections: number, seconds: number): Promise<Round> {
  const request: autocannon.Request = {
    method: load.method,
    path: load.path,
    ...(load.headers ? { headers: load.headers } : {}),
  };
  const body = load.body;
  if (body) request.setupRequest = (req) => ({ ...req, body: body() });
  // autocannon's own histogram keeps whole milliseconds; a p99 target of 10 ms needs better,
  // so every answer's time (a float, in ms) is kept here and sorted once at the end.
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: `${baseUrl}${load.path}`, connections, duration: seconds, requests: [request] },
      (error: unknown, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        let ok = 0;
        let answered = 0;
        const others: Record<string, number> = {};
        for (const [status, stat] of Object.entries(result.statusCodeStats ?? {})) {
          const count = stat.count ?? 0;
          answered += count;
          if (load.ok(Number(status))) ok += count;
          else others[status] = count;
        }
        const sorted = Float64Array.from(latencies).sort();
        resolve({
          reqPerSec: result.duration > 0 ? ok / result.duration : 0,
          p50: quantile(sorted, 0.5),
          p99: quantile(sorted, 0.99),
          ok,
          others,
          errors: result.errors,
          unanswered: Math.max(0, result.requests.sent - answered - result.errors),
          seconds: result.duration,
        });
      },
    );
    instance.on("response", (_client, _status, _bytes, ms: number) => latencies.push(ms));
  });
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/**
 * A short warm-up (JIT, caches, connection set-up; thrown away), then `rounds` bounded rounds.
 * Each figure is the median over the rounds, so one noisy round moves nothing.
 */
export async function measure(baseUrl: string, load: Load, plan: LoadPlan): Promise<Figure> {
  // One request alone first: the figures are about serving a page readers already asked for,
  // not about 50 readers arriving together on a page nobody has asked for yet.
  if (load.method === "GET") await get(`${baseUrl}${load.path}`).catch(() => undefined);
  if (plan.warmupSeconds > 0) await once(baseUrl, load, plan.connections, plan.warmupSeconds);
  const rounds: Round[] = [];
  for (let i = 0; i < plan.rounds; i++)
    rounds.push(await once(baseUrl, load, plan.connections, plan.roundSeconds));
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
    rounds,
  };
}
