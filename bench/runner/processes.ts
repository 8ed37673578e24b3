import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import type { Cleanup } from "./cleanup.js";
import { get, sleep } from "./http.js";

/** A process the bench started: known by its PID, stopped by its PID and nothing else. */
export interface Child {
  readonly name: string;
  readonly pid: number;
  readonly logFile: string;
  /** Resolves with the exit code (or the signal's name) once the process is gone. */
  readonly exited: Promise<number | string>;
  hasExited(): boolean;
  stop(): Promise<void>;
}

/** How long a process gets to leave after SIGTERM before SIGKILL. */
const STOP_GRACE_MS = 5_000;

/**
 * Starts `command`, its output going to `logFile` (not through this process, which is busy
 * generating load), and registers its stop with `cleanup`.
 */
export function startChild(
  name: string,
  command: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; logFile: string; cwd?: string },
  cleanup: Cleanup,
): Child {
  const out = fs.openSync(options.logFile, "a");
  const child = spawn(command, args, {
    env: options.env,
    cwd: options.cwd,
    stdio: ["ignore", out, out],
  });
  fs.closeSync(out);
  if (child.pid === undefined) throw new Error(`${name}: could not start ${command}`);
  const pid = child.pid;
  let gone = false;
  const exited = new Promise<number | string>((resolve) => {
    child.once("exit", (code, signal) => {
      gone = true;
      resolve(code ?? signal ?? "unknown");
    });
    child.once("error", (error) => {
      gone = true;
      resolve(error.message);
    });
  });
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch {
      // Already gone between our check and the signal: nothing left to stop.
    }
  };
  const stop = async () => {
    if (gone) return;
    signal("SIGTERM");
    const timer = sleep(STOP_GRACE_MS).then(() => "timeout" as const);
    if ((await Promise.race([exited, timer])) === "timeout" && !gone) {
      signal("SIGKILL");
      await exited;
    }
  };
  cleanup.defer(`stop ${name} (pid ${pid})`, stop);
  return { name, pid, logFile: options.logFile, exited, hasExited: () => gone, stop };
}

/** A port nobody listens on right now (the kernel's choice), for the next process to take. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The last lines a failed process wrote, to show why it failed. */
export function tail(file: string, lines = 20): string {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/**
 * Polls `url` until it answers `status`, every `intervalMs`. Fails early when `child` dies, with
 * the end of its log; fails after `timeoutMs` otherwise. Returns the moment of the answer.
 */
export async function waitForStatus(
  url: string,
  child: Child,
  options: { status?: number; timeoutMs?: number; intervalMs?: number } = {},
): Promise<number> {
  const { status = 200, timeoutMs = 60_000, intervalMs = 50 } = options;
  const deadline = performance.now() + timeoutMs;
  let last = "no answer";
  while (performance.now() < deadline) {
    if (child.hasExited())
      throw new Error(`${child.name} exited before answering:\n${tail(child.logFile)}`);
    try {
      const res = await get(url, {}, 2_000);
      if (res.status === status) return performance.now();
      last = `status ${res.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(intervalMs);
  }
  throw new Error(`${child.name}: ${url} did not answer ${status} in ${timeoutMs} ms (${last})`);
}
