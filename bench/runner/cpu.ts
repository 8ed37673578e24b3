import fs from "node:fs";
import { servingProcesses } from "./memory.js";

/**
 * Linux's USER_HZ, the unit of the CPU times in /proc/<pid>/stat: 100 on the architectures Node
 * runs on (it is not the kernel's HZ, and does not change with it).
 */
const TICKS_PER_SECOND = 100;

/**
 * User plus system CPU time from one `/proc/<pid>/stat` line, in seconds. The command name
 * (field 2, in parentheses) may itself hold spaces and parentheses: fields are counted from its
 * last ")". utime and stime are fields 14 and 15 (proc(5)).
 */
export function cpuSecondsOfStat(stat: string): number | undefined {
  const close = stat.lastIndexOf(")");
  if (close < 0) return undefined;
  // After ") ": field 3 (the state) first, so field n is at index n - 3.
  const fields = stat
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  const user = Number(fields[14 - 3]);
  const system = Number(fields[15 - 3]);
  if (!Number.isInteger(user) || !Number.isInteger(system)) return undefined;
  return (user + system) / TICKS_PER_SECOND;
}

/** The serving processes of a server at one moment, and the CPU time they have used so far. */
export interface CpuSample {
  pids: readonly number[];
  seconds: number;
}

/** Undefined where there is no /proc, or a process went away while being read. */
export function sampleCpu(pid: number): CpuSample | undefined {
  const pids = servingProcesses(pid);
  let seconds = 0;
  for (const p of pids) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${p}/stat`, "utf8");
    } catch {
      return undefined;
    }
    const s = cpuSecondsOfStat(stat);
    if (s === undefined) return undefined;
    seconds += s;
  }
  return { pids, seconds };
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
  if (!before || !after || requests <= 0) return undefined;
  if (before.pids.join() !== after.pids.join()) return undefined;
  return ((after.seconds - before.seconds) * 1000) / requests;
}
