import fs from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { IDLE_RULE } from "../../src/idle-collect.js";

export interface Memory {
  /** Resident set size now, in MiB. */
  rssMiB: number;
  /** The highest resident set size so far (VmHWM), in MiB. */
  peakMiB: number;
  /**
   * Each serving process (the workers; the supervisor alone when it serves by itself): the
   * target is per process, and one worker's cache may hold more than another's.
   */
  processes?: { pid: number; rssMiB: number; peakMiB: number }[];
}

/**
 * The server's memory per process: with several workers (src/supervisor.ts) the largest of them,
 * the figure a "per process" target is about; the supervisor alone when it serves by itself.
 */
export function readMemory(pid: number): Memory | undefined {
  const each = servingProcesses(pid).flatMap((p) => {
    const m = readOne(p);
    return m ? [{ pid: p, ...m }] : [];
  });
  if (each.length === 0) return undefined;
  return {
    rssMiB: Math.max(...each.map((m) => m.rssMiB)),
    peakMiB: Math.max(...each.map((m) => m.peakMiB)),
    processes: each,
  };
}

/** The processes that serve: the workers of a supervisor, or the process itself when alone. */
export function servingProcesses(pid: number): number[] {
  let children: number[] = [];
  try {
    children = fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    // No /proc, or no children: the process itself.
  }
  return children.length > 0 ? children : [pid];
}

/**
 * A server process, quiet for a while, gives back the heap a load grew (src/idle-collect.ts):
 * its memory at rest is read once that has had time to happen: the quiet ticks, the tick the
 * load ended in, and one to spare.
 */
export const REST_MS = (IDLE_RULE.quietTicks + 2) * IDLE_RULE.tickMs;

/** The server's memory per process at rest: once quiet for REST_MS after a load. */
export async function readMemoryAtRest(pid: number): Promise<Memory | undefined> {
  await sleep(REST_MS);
  return readMemory(pid);
}

/** Reads a process's memory from /proc (Linux); undefined where there is no /proc. */
function readOne(pid: number): Memory | undefined {
  let status: string;
  try {
    status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return undefined;
  }
  const kib = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1]);
  const rss = kib("VmRSS");
  const peak = kib("VmHWM");
  if (!Number.isFinite(rss)) return undefined;
  return { rssMiB: rss / 1024, peakMiB: (Number.isFinite(peak) ? peak : rss) / 1024 };
}
