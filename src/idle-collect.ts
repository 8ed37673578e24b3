import v8 from "node:v8";

/**
 * V8 sizes a heap for the load it last saw, and keeps that size once the load stops. After the
 * crawler at 100k articles a worker held 72 MB of heap for 27 MB live, 32 MB of it young
 * generation. Neither an ordinary full collection nor V8's memory reducer gives that back: the
 * reducer waits for a low allocation rate, which V8 only measures at a collection, and none comes
 * once the process is idle. A "last resort" collection does give it back: the young generation
 * shrinks to its starting size and the old one is compacted. Measured: 161 → 115 MB per worker,
 * in about 115 ms (decision 026).
 *
 * So a process that grew and then went quiet collects once. The pause then meets only a request
 * that arrives during it; under load nothing changes.
 */
export interface IdleRule {
  /** How often the process looks at itself. */
  tickMs: number;
  /** Quiet ticks in a row before it collects. */
  quietTicks: number;
  /** CPU time (all threads) under which a tick counts as quiet, in microseconds. */
  quietCpuMicros: number;
  /** Heap growth since the last collection that is worth another. */
  growthBytes: number;
}

export const IDLE_RULE: IdleRule = {
  tickMs: 1_000,
  quietTicks: 2,
  // 2 % of a core: a few readers a second are quiet, a load is not.
  quietCpuMicros: 20_000,
  growthBytes: 16 * 1024 * 1024,
};

/** What a tick reads of the process: CPU used since its start, and the heap's size now. */
export interface ProcessSample {
  cpuMicros: number;
  heapBytes: number;
}

/**
 * The rule over a series of samples: each call takes this tick's and says whether to collect
 * now. After collecting, the caller reports the heap's new size with `collected`.
 */
export function idleCollector(rule: IdleRule): {
  tick(sample: ProcessSample): boolean;
  collected(heapBytes: number): void;
} {
  let lastCpu: number | undefined;
  // Growth is counted from the heap a collection left, so a process's start (the code it
  // compiled, the garbage of opening the database) counts too: the first quiet spell collects.
  let floor = 0;
  let quiet = 0;
  return {
    tick({ cpuMicros, heapBytes }) {
      const used = lastCpu === undefined ? Infinity : cpuMicros - lastCpu;
      lastCpu = cpuMicros;
      // V8 may shrink the heap itself meanwhile: growth is counted from the smallest since.
      floor = Math.min(floor, heapBytes);
      quiet = used < rule.quietCpuMicros ? quiet + 1 : 0;
      return quiet >= rule.quietTicks && heapBytes - floor >= rule.growthBytes;
    },
    collected(heapBytes) {
      floor = heapBytes;
      // The collection's own CPU makes the next tick busy anyway; count afresh from here.
      quiet = 0;
    },
  };
}

type Gc = (options: { type: "major"; execution: "sync"; flavor: "last-resort" }) => void;

/** What a process hears of its quiet collections: each one, or the failure that ends them. */
export interface IdleCollectReport {
  collected(heapBefore: number, heapAfter: number, ms: number): void;
  failed(error: unknown): void;
}

/**
 * Starts collecting when idle (above), if V8's collector was exposed to this process
 * (`--expose-gc`, which the supervisor gives its workers); otherwise does nothing. Returns how
 * to stop.
 */
export function scheduleIdleCollect(
  report: IdleCollectReport,
  rule: IdleRule = IDLE_RULE,
): () => void {
  const holder = globalThis as { gc?: unknown };
  if (typeof holder.gc !== "function") return () => {};
  const gc = holder.gc as Gc;
  const collector = idleCollector(rule);
  const heapBytes = () => v8.getHeapStatistics().total_physical_size;
  const timer = setInterval(() => {
    const cpu = process.cpuUsage();
    const before = heapBytes();
    if (!collector.tick({ cpuMicros: cpu.user + cpu.system, heapBytes: before })) return;
    const started = performance.now();
    try {
      gc({ type: "major", execution: "sync", flavor: "last-resort" });
    } catch (error) {
      // Memory given back is a saving, never a reason for a worker to die: said once, then the
      // process goes on as V8 alone would have it.
      clearInterval(timer);
      report.failed(error);
      return;
    }
    const after = heapBytes();
    collector.collected(after);
    report.collected(before, after, performance.now() - started);
  }, rule.tickMs);
  timer.unref();
  return () => clearInterval(timer);
}
