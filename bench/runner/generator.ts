import os from "node:os";
import { WRK, wrkVersion } from "./wrk.js";

/**
 * What sends the load. A single autocannon process saturates before a multi-process server does
 * (issue #9), so wrk (C, one thread per core) when it is installed, else autocannon spread over
 * worker threads. Comment posts need a new body per request: they stay on autocannon in the
 * bench's own process (see load.ts). The crawler (a new path per request) runs on wrk with a
 * script when wrk is there, else there too.
 */
export type Generator =
  | { kind: "wrk"; version: string; bin: string; threads: number }
  | { kind: "autocannon"; workers: number; why?: string };

/**
 * wrk when it is there, unless KIOSQUE_BENCH_LOAD=autocannon asks for the fallback (to measure
 * the fallback itself on a machine that has wrk).
 */
export async function chooseGenerator(): Promise<Generator> {
  const threads = Math.max(2, os.availableParallelism());
  if (process.env.KIOSQUE_BENCH_LOAD === "autocannon")
    return { kind: "autocannon", workers: threads, why: "KIOSQUE_BENCH_LOAD=autocannon" };
  const version = await wrkVersion(WRK);
  if (version) return { kind: "wrk", version, bin: WRK, threads };
  return { kind: "autocannon", workers: threads, why: `wrk n/a — not found on PATH` };
}

/** "wrk 4.1.0, 2 threads" or "autocannon × 2 workers": printed in the bench header. */
export function describeGenerator(g: Generator): string {
  return g.kind === "wrk"
    ? `wrk ${g.version}, ${g.threads} threads`
    : `autocannon × ${g.workers} workers${g.why ? ` (${g.why})` : ""}`;
}

/** The figures that cannot use the main generator run on this. */
export const IN_PROCESS = "autocannon (1 process)";
