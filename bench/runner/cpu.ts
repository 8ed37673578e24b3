import fs from "node:fs";
import { servingProcesses } from "./memory.js";

/**
 * Linux's USER_HZ, the unit of the CPU times in /proc/<pid>/stat: 100 on the architectures Node
 * runs on (it is not the kernel's HZ, and does not change with it).
 */
const TICKS_PER_SECOND = 100;

/**
 * A reader of one `/proc/<pid>/stat` line's fields, numbered as proc(5) numbers them. The command
 * name (field 2, in parentheses) may itself hold spaces and parentheses: fields are counted from
 * its last ")".
 */
function statFields(stat: string): ((field: number) => number) | undefined {
  const close = stat.lastIndexOf(")");
  if (close < 0) return undefined;
  // After ") ": field 3 (the state) first, so field n is at index n - 3.
  const fields = stat
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  return (field) => Number(fields[field - 3]);
}

/** User plus system CPU time from one `/proc/<pid>/stat` line (fields 14 and 15), in seconds. */
export function cpuSecondsOfStat(stat: string): number | undefined {
  const field = statFields(stat);
  if (!field) return undefined;
  const user = field(14);
  const system = field(15);
  if (!Number.isInteger(user) || !Number.isInteger(system)) return undefined;
  return (user + system) / TICKS_PER_SECOND;
}

/**
 * Minor page faults from one `/proc/<pid>/stat` line (field 10): memory the process touched for
 * the first time since it was mapped. Each costs the kernel a trap and a zeroed page; a render
 * that maps and unmaps its buffers pays them on every request (decision 033).
 */
export function minorFaultsOfStat(stat: string): number | undefined {
  const faults = statFields(stat)?.(10);
  return Number.isInteger(faults) ? faults : undefined;
}

/** The serving processes of a server at one moment, and the CPU time they have used so far. */
export interface CpuSample {
  pids: readonly number[];
  seconds: number;
  minorFaults: number;
}

/** Undefined where there is no /proc, or a process went away while being read. */
export function sampleCpu(pid: number): CpuSample | undefined {
  const pids = servingProcesses(pid);
  let seconds = 0;
  let minorFaults = 0;
  for (const p of pids) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${p}/stat`, "utf8");
    } catch {
      return undefined;
    }
    const s = cpuSecondsOfStat(stat);
    const faults = minorFaultsOfStat(stat);
    if (s === undefined || faults === undefined) return undefined;
    seconds += s;
    minorFaults += faults;
  }
  return { pids, seconds, minorFaults };
}

/**
 * The server's CPU time per answer between two samples, in milliseconds: what one request cost
 * the server whatever the machine's other load (the load generator shares its cores). Undefined
 * when the processes changed between them (a worker started again starts its count at zero).
 */
export function cpuMsPerRequest(
  before: CpuSample | undefined,
  after: CpuSample | undefined,
  requests: number,
): number | undefined {
  return perRequest(before, after, requests, (s) => s.seconds * 1000);
}

/** The server's minor page faults per answer between two samples; undefined as above. */
export function faultsPerRequest(
  before: CpuSample | undefined,
  after: CpuSample | undefined,
  requests: number,
): number | undefined {
  return perRequest(before, after, requests, (s) => s.minorFaults);
}

function perRequest(
  before: CpuSample | undefined,
  after: CpuSample | undefined,
  requests: number,
  count: (sample: CpuSample) => number,
): number | undefined {
  if (!before || !after || requests <= 0) return undefined;
  if (before.pids.join() !== after.pids.join()) return undefined;
  return (count(after) - count(before)) / requests;
}
