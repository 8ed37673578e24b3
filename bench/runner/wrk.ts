import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

/** Found on PATH; the bench falls back to autocannon where it is missing. */
export const WRK = "wrk";

const run = promisify(execFile);

/**
 * "4.1.0" from `wrk --version` (which exits 1 after printing its usage), or undefined when it
 * printed no version: not installed (ENOENT), or not wrk.
 */
export async function wrkVersion(bin = WRK): Promise<string | undefined> {
  const output = await run(bin, ["--version"]).then(
    ({ stdout, stderr }) => stdout + stderr,
    (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ""}${error.stderr ?? ""}`,
  );
  return /^wrk\s+\S*?(\d+\.\d+\.\d+)/m.exec(output)?.[1];
}

/** What one `wrk --latency` run printed, in the bench's units. */
export interface WrkSummary {
  /** Every answer, whatever its status. */
  requests: number;
  /** The run's length as wrk measured it (requests ÷ its Requests/sec), in seconds. */
  seconds: number;
  /** Latencies of every answer, in milliseconds. */
  p50: number;
  p99: number;
  /** Answers outside 2xx and 3xx: wrk counts them without telling their status. */
  non2xx3xx: number;
  /** Socket errors: connect, read, write and timeouts together. */
  errors: number;
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/** "812.00us", "1.23ms", "2.01s", "1.05m" → milliseconds. */
export function wrkDuration(text: string): number {
  const m = /^([\d.]+)(us|ms|s|m|h)$/.exec(text.trim());
  if (!m) throw new Error(`wrk: unreadable duration "${text}"`);
  return Number(m[1]) * (UNIT_MS[m[2] as string] as number);
}

/** Parses the text `wrk --latency` prints; throws on a run that printed no summary. */
export function parseWrkOutput(text: string): WrkSummary {
  const line = (re: RegExp, what: string) => {
    const m = re.exec(text);
    if (!m) throw new Error(`wrk printed no ${what}:\n${text.trim().slice(0, 500)}`);
    return m;
  };
  const done = line(/^\s*(\d+) requests in ([\d.]+\w+),/m, "request count");
  const requests = Number(done[1]);
  const perSec = Number(line(/^Requests\/sec:\s+([\d.]+)/m, "Requests/sec")[1]);
  // "N requests in 5.10s" keeps two digits; requests ÷ Requests/sec is the exact run time,
  // unless a crawl ran out of paths before it (its script's line: wrk times the whole -d).
  const ranOut = /^Crawl ran out of paths after ([\d.]+)ms$/m.exec(text);
  const seconds = ranOut
    ? Number(ranOut[1]) / 1000
    : perSec > 0
      ? requests / perSec
      : wrkDuration(done[2] as string) / 1000;
  const dist = line(
    /Latency Distribution\s+50%\s+(\S+)[\s\S]*?99%\s+(\S+)/,
    "latency distribution",
  );
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  const errors = socket ? socket.slice(1, 5).reduce((n, v) => n + Number(v), 0) : 0;
  return {
    requests,
    seconds,
    p50: wrkDuration(dist[1] as string),
    p99: wrkDuration(dist[2] as string),
    non2xx3xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(text)?.[1] ?? 0),
    errors,
  };
}

/**
 * A crawler's script: each thread asks its share of the list (every `count`-th line from its
 * own), each path once, and stops at the answer to its last, so no path is asked twice (a
 * second ask would be a cache hit). A connection finding no path left to take waits (`delay`)
 * until then instead of asking. wrk itself times the whole `-d` whatever its threads do, so the
 * script times a crawl that ran out of paths, from its first request to its last answer, and
 * prints it for `parseWrkOutput`. LuaJIT builds the requests: the load costs the cores a
 * fraction of what autocannon's JavaScript did (~20 % of a core at 1,600 req/s).
 */
const CRAWL_LUA = `
local ffi = require("ffi")
ffi.cdef("typedef struct { long sec; long nsec; } kiosque_ts; int clock_gettime(int, kiosque_ts *);")
local ts = ffi.new("kiosque_ts")
local function now()
  ffi.C.clock_gettime(1, ts)
  return tonumber(ts.sec) * 1000 + tonumber(ts.nsec) / 1e6
end
local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end
function init(args)
  local count = tonumber(args[2])
  paths = {}
  local i = 0
  for line in io.lines(args[1]) do
    if i % count == id then paths[#paths + 1] = line end
    i = i + 1
  end
  taken, sent, answered = 0, 0, 0
  ran_out = #paths == 0
end
function delay()
  if taken >= #paths then return 3600000 end
  taken = taken + 1
  return 0
end
function request()
  first = first or now()
  sent = sent + 1
  return wrk.format("GET", paths[sent])
end
function response(status, headers, body)
  answered = answered + 1
  if answered >= #paths then
    last = now()
    ran_out = true
    wrk.thread:stop()
  end
end
function done(summary, latency, requests)
  local from, to = math.huge, 0
  for _, t in ipairs(threads) do
    if not t:get("ran_out") then return end
    from = math.min(from, t:get("first") or math.huge)
    to = math.max(to, t:get("last") or 0)
  end
  if to > from then
    io.write(string.format("Crawl ran out of paths after %.3fms\\n", to - from))
  end
end
`;

/**
 * One bounded wrk run against `url`: `threads` threads sharing `connections` connections for
 * `seconds`. Headers go on the command line: no Lua needed for one path and a Cookie. With
 * `paths`, every request asks the next one (the crawler), through the script above.
 */
export async function runWrk(options: {
  url: string;
  connections: number;
  threads: number;
  seconds: number;
  headers?: Record<string, string> | undefined;
  paths?: readonly string[] | undefined;
  bin?: string;
}): Promise<WrkSummary> {
  // A crawler's short list: never more connections, nor threads, than paths to ask.
  const connections = Math.max(1, Math.min(options.connections, options.paths?.length ?? Infinity));
  const threads = Math.max(1, Math.min(options.threads, connections));
  // wrk takes whole seconds only ("-d0.5s" is an error): a half-second warm-up becomes one.
  const seconds = Math.max(1, Math.round(options.seconds));
  const args = [
    "--latency",
    `-t${threads}`,
    `-c${connections}`,
    `-d${seconds}s`,
    // A request unanswered for this long counts as a timeout error, never as a hang of the run.
    "--timeout",
    "10s",
  ];
  for (const [name, value] of Object.entries(options.headers ?? {}))
    args.push("-H", `${name}: ${value}`);
  const scriptDir = options.paths
    ? fs.mkdtempSync(path.join(os.tmpdir(), "kiosque-bench-wrk-"))
    : undefined;
  try {
    if (scriptDir && options.paths) {
      const script = path.join(scriptDir, "crawl.lua");
      const list = path.join(scriptDir, "paths.txt");
      fs.writeFileSync(script, CRAWL_LUA);
      fs.writeFileSync(list, `${options.paths.join("\n")}\n`);
      args.push("-s", script, options.url, "--", list, String(threads));
    } else args.push(options.url);
    const { stdout } = await run(options.bin ?? WRK, args, {
      timeout: (seconds + 30) * 1000,
      maxBuffer: 1 << 20,
    });
    return parseWrkOutput(stdout);
  } finally {
    if (scriptDir) fs.rmSync(scriptDir, { recursive: true, force: true });
  }
}
