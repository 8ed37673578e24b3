import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import {
  cpuMsPerRequest,
  cpuSecondsOfStat,
  faultsPerRequest,
  minorFaultsOfStat,
  sampleCpu,
} from "../bench/runner/cpu.js";

// A /proc/<pid>/stat line (proc(5)) whose command name holds a space and parentheses, as a
// process may name itself: 1200 minor faults, utime 250 and stime 50 ticks.
const STAT =
  "4242 (node (worker) x) S 4200 4242 4200 0 -1 4194304 1200 0 3 0 250 50 0 0 20 0 11 0 123456 " +
  "1048576000 30000 18446744073709551615 1 1 0 0 0 0 0 16781312 134234626 0 0 0 17 1 0 0 0 0 0";

describe("the server CPU per request", () => {
  it("reads user and system time after the command name, however it is spelled", () => {
    expect(cpuSecondsOfStat(STAT)).toBeCloseTo(3, 9);
    expect(cpuSecondsOfStat("4242 (node) S 1")).toBeUndefined();
    expect(cpuSecondsOfStat("no name here")).toBeUndefined();
    expect(minorFaultsOfStat(STAT)).toBe(1200);
    expect(minorFaultsOfStat("4242 (node) S 1")).toBeUndefined();
  });

  it("divides the CPU used between two samples by the answers, only for the same processes", () => {
    const before = { pids: [10, 11], seconds: 4, minorFaults: 1_000 };
    const after = { pids: [10, 11], seconds: 6.5, minorFaults: 41_000 };
    expect(cpuMsPerRequest(before, after, 2_000)).toBeCloseTo(1.25, 9);
    expect(faultsPerRequest(before, after, 2_000)).toBe(20);
    // A worker started again between the samples: its count started at zero.
    const restarted = { ...after, pids: [10, 12] };
    expect(cpuMsPerRequest(before, restarted, 2_000)).toBeUndefined();
    expect(faultsPerRequest(before, restarted, 2_000)).toBeUndefined();
    expect(cpuMsPerRequest(before, after, 0)).toBeUndefined();
    expect(cpuMsPerRequest(undefined, before, 10)).toBeUndefined();
  });

  it("samples the CPU a process has used", async () => {
    // Busy for 300 ms of CPU, then says so and waits to be stopped.
    const child = spawn(
      process.execPath,
      [
        "-e",
        "const t = process.cpuUsage(); while (process.cpuUsage(t).user < 300000);" +
          "console.log('done'); setInterval(() => {}, 1000);",
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    try {
      await once(child.stdout, "data");
      const sample = sampleCpu(child.pid!);
      expect(sample?.pids).toEqual([child.pid]);
      expect(sample?.seconds).toBeGreaterThanOrEqual(0.29);
      // Node's own start touches thousands of pages.
      expect(sample?.minorFaults).toBeGreaterThan(1_000);
    } finally {
      child.kill();
    }
  });
});
