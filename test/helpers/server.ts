import { execFile, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { root } from "./paths.js";

const run = promisify(execFile);

/** The production build (test/helpers/global-setup.ts makes it once per run). */
const SERVER_JS = path.join(root, "dist/server.js");
const CLI_JS = path.join(root, "dist/cli.js");

/** Seeding the demo newsroom and migrating take a second or two; a slow CI box gets room. */
const READY_TIMEOUT_MS = 30_000;
/** Above the server's own 10 s shutdown grace, so a clean exit is always waited for. */
const STOP_TIMEOUT_MS = 12_000;
/** Enough of the server's output to explain a failure, not the whole run. */
const OUTPUT_KEEP = 16_000;

/**
 * Tests post forms as fast as Playwright types, all from 127.0.0.1: the fill-time rule would take
 * them for bots, the burst rule would hold them and the per-client limit would stop them. Each
 * has tests of its own.
 */
export const TEST_SETTINGS: Readonly<Record<string, string>> = {
  "comments.minFillSeconds": "0",
  "comments.burstMax": "0",
  "rateLimit.comments.max": "0",
  "rateLimit.search.max": "0",
};

export interface RunningServer {
  /** http://127.0.0.1:PORT, without a trailing slash. */
  url: string;
  dataDir: string;
  /** The server process's id, e.g. to read its memory from /proc/PID/status. */
  pid: number;
  /** What the server printed so far (the last few kilobytes, or all with `keepAllOutput`). */
  output(): string;
  /** Runs the `kiosque` CLI on this server's data (LOG_LEVEL=warn, so stdout is the answer). */
  cli(...args: string[]): Promise<{ stdout: string; stderr: string }>;
  /**
   * Sends `signal` now (before this returns) and resolves once the process has exited, with
   * SIGKILL if it is still there after STOP_TIMEOUT_MS. Keeps the data dir: a server may start
   * again on it (`dataDir` option), and `stop()` still removes it.
   */
  kill(signal: NodeJS.Signals): Promise<Exit>;
  /** Stops the process if it runs (SIGTERM, then SIGKILL) and removes the data dir it made. */
  stop(): Promise<void>;
}

/** How the server process ended: an exit code, or the signal that ended it. */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerOptions {
  /** Settings written with `kiosque settings set` before the server starts. */
  settings?: Readonly<Record<string, string>>;
  /** Extra environment for the server and the CLI. */
  env?: Readonly<Record<string, string>>;
  /**
   * Start on this existing data dir instead of a fresh one: a restart on the same data (with the
   * same `env`, for PostgreSQL). The caller keeps it (`stop()` leaves it), and only `settings`
   * given here are written: the server, not the CLI, is the first to open the data again.
   */
  dataDir?: string;
  /** Keep everything the server prints, for tests whose evidence is the log itself. */
  keepAllOutput?: boolean;
}

/** A port nobody listens on right now: the kernel picks it, we give it back at once. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error("no port assigned"))));
    });
  });
}

/** The environment of the real process: ours, minus anything that would point it elsewhere. */
function childEnv(dataDir: string, extra: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The browser tests run the default install: SQLite in the data dir, demo content on.
  delete env.DATABASE_URL;
  delete env.KIOSQUE_DEMO;
  delete env.PORT;
  delete env.HOST;
  return { ...env, KIOSQUE_DATA_DIR: dataDir, LOG_LEVEL: "warn", ...extra };
}

function exited(child: ChildProcess): Promise<Exit> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the real production server (`node dist/server.js`) on a free port of 127.0.0.1 with a
 * fresh data dir (or `options.dataDir`), after writing `settings` into its database with the CLI,
 * and resolves once GET /readyz answers 200.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "kiosque-e2e-"));
  const settings = ownDir ? { ...TEST_SETTINGS, ...options.settings } : { ...options.settings };
  let child: ChildProcess | undefined;
  let output = "";
  const keep = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    if (!options.keepAllOutput) output = output.slice(-OUTPUT_KEEP);
  };

  const kill = async (signal: NodeJS.Signals): Promise<Exit> => {
    if (!child) return { code: null, signal: null };
    const done = exited(child);
    if (child.exitCode === null && child.signalCode === null) {
      // By its PID: this very process, never anything found by name.
      child.kill(signal);
      const timer = delay(STOP_TIMEOUT_MS).then(() => "timeout" as const);
      if ((await Promise.race([done, timer])) === "timeout") child.kill("SIGKILL");
    }
    return done;
  };
  const stop = async () => {
    await kill("SIGTERM");
    if (ownDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const env = childEnv(dataDir, options.env ?? {});
  const cli = (...args: string[]) =>
    run(process.execPath, [CLI_JS, ...args], { cwd: root, env: { ...env, LOG_LEVEL: "warn" } });

  try {
    // The CLI opens and migrates the database itself; the server then finds it empty of
    // articles and seeds the demo newsroom, keeping these settings.
    for (const [key, value] of Object.entries(settings)) await cli("settings", "set", key, value);

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [SERVER_JS], {
      cwd: root,
      env: { ...env, HOST: "127.0.0.1", PORT: String(port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    const early = exited(child).then(() => {
      throw new Error(`the server exited before it was ready:\n${output}`);
    });
    early.catch(() => {});

    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      const ready = await Promise.race([
        fetch(`${url}/readyz`).then(
          (r) => r.status === 200,
          () => false,
        ),
        early,
      ]);
      if (ready) break;
      if (Date.now() > deadline)
        throw new Error(`the server was not ready after ${READY_TIMEOUT_MS} ms:\n${output}`);
      await delay(100);
    }
    return { url, dataDir, pid: child.pid ?? 0, output: () => output, cli, kill, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
