import { afterEach, describe, expect, it } from "vitest";
import { idleCollector, scheduleIdleCollect, type IdleRule } from "./idle-collect.js";

const MB = 1024 * 1024;
const rule: IdleRule = {
  tickMs: 1000,
  quietTicks: 2,
  quietCpuMicros: 20_000,
  growthBytes: 16 * MB,
};

/** Feeds ticks of (CPU used during the tick in ms, heap in MB); returns the ticks that collect. */
function run(ticks: [cpuMs: number, heapMB: number][], afterMB = 30): number[] {
  const collector = idleCollector(rule);
  let cpu = 0;
  const collected: number[] = [];
  ticks.forEach(([cpuMs, heapMB], i) => {
    cpu += cpuMs * 1000;
    if (collector.tick({ cpuMicros: cpu, heapBytes: heapMB * MB })) {
      collected.push(i);
      collector.collected(afterMB * MB);
    }
  });
  return collected;
}

describe("idleCollector", () => {
  it("collects once a grown process has been quiet for two ticks, then not again", () => {
    const load: [number, number][] = [
      [900, 40],
      [950, 60],
      [980, 72],
    ];
    const quiet: [number, number][] = [
      [1, 72],
      [1, 72],
      // collected: what the collection left
      ...Array.from({ length: 8 }, (): [number, number] => [1, 30]),
    ];
    expect(run([...load, ...quiet])).toEqual([4]);
  });

  it("never collects under load, however large the heap", () => {
    expect(run(Array.from({ length: 30 }, (_, i) => [800, 40 + i]))).toEqual([]);
  });

  it("counts a few readers a second as quiet, and any busy tick starts the count again", () => {
    expect(
      run([
        [900, 72],
        [15, 72],
        [500, 72],
        [15, 72],
        [15, 72],
      ]),
    ).toEqual([4]);
  });

  it("collects what the start left, then only after growing again by the set amount", () => {
    const ticks: [number, number][] = [
      [5, 45],
      [5, 45],
      [5, 45],
      // collected at tick 2 (down to 30 MB); a light load grows it by less than 16 MB
      [600, 40],
      [5, 44],
      [5, 44],
      [5, 44],
      // then a heavier one past it
      [900, 60],
      [5, 60],
      [5, 60],
    ];
    expect(run(ticks)).toEqual([2, 9]);
  });

  it("measures growth from the smallest heap since, when V8 shrank it itself", () => {
    const ticks: [number, number][] = [
      [5, 45],
      [5, 45],
      [5, 45],
      // collected at tick 2, down to 30 MB; V8 then shrinks it to 20 MB on its own
      [5, 20],
      [900, 37],
      [5, 37],
      [5, 37],
    ];
    expect(run(ticks)).toEqual([2, 6]);
  });
});

describe("scheduleIdleCollect", () => {
  // Every tick quiet and any heap worth a collection: the rule is tested above, the wiring here.
  const eager: IdleRule = { tickMs: 5, quietTicks: 2, quietCpuMicros: Infinity, growthBytes: 0 };
  const holder = globalThis as { gc?: unknown };
  const own = holder.gc;
  afterEach(() => {
    holder.gc = own;
  });
  const ticks = (n: number) => new Promise((resolve) => setTimeout(resolve, eager.tickMs * n));
  /** Timers run late on a busy machine: wait for what must happen, within a bound. */
  async function until(done: () => boolean): Promise<void> {
    const deadline = performance.now() + 5_000;
    while (!done() && performance.now() < deadline) await ticks(1);
  }

  it("does nothing where V8's collector is not exposed", async () => {
    holder.gc = undefined;
    const heard: string[] = [];
    const stop = scheduleIdleCollect(
      { collected: () => heard.push("collected"), failed: () => heard.push("failed") },
      eager,
    );
    await ticks(10);
    stop();
    expect(heard).toEqual([]);
  });

  it("asks V8 for its last-resort collection, and reports the heap before and after", async () => {
    const asked: unknown[] = [];
    holder.gc = (options: unknown) => asked.push(options);
    const collected: number[][] = [];
    const stop = scheduleIdleCollect(
      { collected: (...figures) => collected.push(figures), failed: (e) => expect.fail(String(e)) },
      eager,
    );
    await until(() => collected.length > 0);
    stop();
    expect(asked[0]).toEqual({ type: "major", execution: "sync", flavor: "last-resort" });
    expect(collected.length).toBe(asked.length);
    for (const [before, after, ms] of collected) {
      expect(before).toBeGreaterThan(0);
      expect(after).toBeGreaterThan(0);
      expect(ms).toBeGreaterThanOrEqual(0);
    }
  });

  it("says once when the collection fails, and never tries again", async () => {
    let calls = 0;
    holder.gc = () => {
      calls++;
      throw new Error("no collection here");
    };
    const failures: unknown[] = [];
    const stop = scheduleIdleCollect(
      { collected: () => expect.fail("nothing was collected"), failed: (e) => failures.push(e) },
      eager,
    );
    await until(() => failures.length > 0);
    await ticks(10);
    stop();
    expect(calls).toBe(1);
    expect(failures).toEqual([new Error("no collection here")]);
  });
});
