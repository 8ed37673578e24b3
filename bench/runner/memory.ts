import fs from "node:fs";

export interface Memory {
  /** Resident set size now, in MiB. */
  rssMiB: number;
  /** The highest resident set size so far (VmHWM), in MiB. */
  peakMiB: number;
}

/** Reads a process's memory from /proc (Linux); undefined where there is no /proc. */
export function readMemory(pid: number): Memory | undefined {
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
