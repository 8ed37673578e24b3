// Stops a test run's private PostgreSQL once the run is gone. Plain JavaScript, so that it runs
// under any Node without a build step, detached from the run it watches.
//
//   node postgres-watchdog.mjs RUN_PID DIR   waits for RUN_PID to end, then stops and removes
//   node postgres-watchdog.mjs 0 DIR         stops and removes now (a leftover of a killed run)
import fs from "node:fs";
import path from "node:path";

const [runPid, dir] = [Number(process.argv[2]), process.argv[3]];
if (!dir || !Number.isInteger(runPid)) {
  console.error("usage: postgres-watchdog.mjs RUN_PID DIR");
  process.exit(2);
}
/** How often to look at the run, and how long PostgreSQL's fast shutdown may take. */
const POLL_MS = 500;
const STOP_GRACE_MS = 10_000;

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's (a server run as `postgres`).
    return error.code === "EPERM";
  }
}

/** The postmaster serving DIR/data, if one runs: a PID in a file may have been reused since. */
function postmasterPid() {
  const dataDir = path.join(dir, "data");
  try {
    const pid = Number(
      fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0],
    );
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return pid > 0 && cmdline.includes(dataDir) ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function stopAndRemove() {
  const pid = postmasterPid();
  if (pid !== undefined) {
    try {
      process.kill(pid, "SIGINT");
    } catch {
      // Gone already.
    }
    const deadline = Date.now() + STOP_GRACE_MS;
    while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (isAlive(pid)) process.kill(pid, "SIGKILL");
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

while (runPid > 0 && isAlive(runPid)) await new Promise((r) => setTimeout(r, POLL_MS));
await stopAndRemove();
