import { fork, type ChildProcess } from "node:child_process";
import type { FastifyBaseLogger } from "fastify";
import { workerExecArgv } from "./worker-flags.js";

/**
 * One server process per core, sharing the port (each listens with `reusePort`, and the kernel
 * spreads new connections among them). The workers are independent: each opens its own database
 * connection and page cache, and hears the others' writes through the database's change feed as
 * separate instances do. This process only starts them, starts again one that dies, and passes a
 * SIGTERM or SIGINT on for their graceful shutdown; it serves nothing and holds no database.
 */

/** Grace period for in-flight requests on SIGTERM/SIGINT before a server process gives up. */
export const SHUTDOWN_GRACE_MS = 10_000;

/** The argument that makes `server.js` a worker of this supervisor rather than a supervisor. */
export const WORKER_FLAG = "--worker";

/**
 * A worker's exit code for "cannot serve here" (sysexits' EX_CONFIG: the port is taken, HOST is
 * not this machine's): another worker would fail the same way, so the supervisor stops them all
 * and exits 1 instead of starting another. Any other death is repaired by starting another.
 */
export const CANNOT_SERVE_CODE = 78;

export interface SupervisorOptions {
  workers: number;
  /** The server's entry file, run again for each worker. */
  script: string;
  log: FastifyBaseLogger;
  /** Past the workers' own grace period: then they are killed and the supervisor exits 1. */
  stopTimeoutMs: number;
  /**
   * The database migrated while the workers load: they open it only once this has settled. A
   * failure stops everything.
   */
  prepared: Promise<void>;
  /** What went wrong preparing, in a line for the operator; undefined when it is not known. */
  failure?: (error: unknown) => string | undefined;
  /** Called once, when every worker has listened for the first time. */
  serving?: () => void;
  /** The last word on the database, once every worker has stopped cleanly on a signal. */
  stopped?: () => Promise<void>;
}

/** A worker that lived this long before dying is started again at once; sooner, after a pause. */
const HEALTHY_MS = 30_000;
/** The pause before starting again a worker that keeps dying (a database down, a crash). */
const MAX_BACKOFF_MS = 30_000;

export function supervise(options: SupervisorOptions): void {
  const { log } = options;
  const slots: {
    child?: ChildProcess;
    ready: boolean;
    told: boolean;
    startedAt: number;
    backoffMs: number;
  }[] = Array.from({ length: options.workers }, () => ({
    ready: false,
    told: false,
    startedAt: 0,
    backoffMs: 0,
  }));
  let signalled: NodeJS.Signals | undefined;
  let stopping = false;
  let failed = false;
  // The site cannot start (database not made ready, or a worker cannot listen): workers still
  // loading die of the signal that stops them, and none is told to open the database any more.
  let cannotStart = false;
  let migrated = false;
  let opened = false;
  let announced = false;

  // Once migrated, one worker opens the database first (and writes the demo into an empty one,
  // which two at once would do twice); the others, loaded meanwhile, open it once that one is
  // serving. A worker started later opens it at once; if the first dies before serving, the
  // next one loaded takes its place.
  const release = () => {
    if (!migrated || cannotStart) return;
    const waiting = slots.filter((s) => s.child && !s.told);
    const opening = slots.some((s) => s.child && s.told && !s.ready);
    for (const s of opened ? waiting : opening ? [] : waiting.slice(0, 1)) {
      s.told = true;
      // A worker dead since it was counted: its exit, heard next, starts another.
      s.child!.send(GO, () => {});
      log.debug({ worker: slots.indexOf(s), pid: s.child!.pid }, "may open the database");
    }
  };

  const start = (index: number) => {
    const slot = slots[index]!;
    slot.startedAt = Date.now();
    // The same Node flags (V8 sizes, --inspect…) as this process, with V8's collector at hand
    // for when the worker goes quiet (worker-flags.ts); the same environment, malloc's settings
    // left to the operator (decision 033); the output goes where this process's goes.
    const child = fork(options.script, [WORKER_FLAG], {
      stdio: "inherit",
      execArgv: workerExecArgv(process.execArgv),
    });
    // A message to a worker that has just died fails (EPIPE): its exit is what counts.
    child.on("error", (error) => log.debug({ worker: index, err: error }, "worker unreachable"));
    slot.child = child;
    slot.ready = false;
    slot.told = false;
    release();
    // Until it says it is ready, a worker is still loading and would die of a signal without
    // closing anything: a shutdown reaches it once it can stop cleanly.
    child.on("message", (message) => {
      if (message !== READY) return;
      slot.ready = true;
      opened = true;
      log.debug({ worker: index, pid: child.pid }, "serving");
      if (!announced && slots.every((s) => s.ready)) {
        announced = true;
        options.serving?.();
      }
      if (signalled) child.kill(signalled);
      release();
    });
    child.once("exit", (code, signal) => {
      slot.child = undefined;
      // MUST come before release(): the next worker would otherwise be told to open and listen,
      // and fail the same way (it has said why already).
      if (code === CANNOT_SERVE_CODE && !stopping) giveUp();
      release();
      if (stopping) {
        // Workers still loading when the database could not be made ready die of the signal
        // sent them: that is their stop, not a failure of it (the failure is already said).
        if (code !== 0 && !(cannotStart && !slot.ready)) {
          failed = true;
          log.error(
            { worker: index, pid: child.pid, code, signal },
            "server process failed to stop",
          );
        }
        if (slots.every((s) => !s.child)) void finish();
        return;
      }
      const lived = Date.now() - slot.startedAt;
      slot.backoffMs =
        lived >= HEALTHY_MS ? 0 : Math.min(MAX_BACKOFF_MS, slot.backoffMs * 2 || 250);
      log.error(
        { worker: index, pid: child.pid, code, signal, restartInMs: slot.backoffMs },
        "server process died; starting another",
      );
      // Not unref'd: with every worker dead, this timer is all that keeps the supervisor alive,
      // and it exited 0 with nobody serving (systemd's Restart=on-failure then did nothing).
      setTimeout(() => {
        if (!stopping) start(index);
      }, slot.backoffMs);
    });
  };

  const finish = async () => {
    if (!failed && options.stopped) {
      try {
        await options.stopped();
      } catch (error) {
        log.error({ err: error }, "the database could not be closed");
        failed = true;
      }
    }
    log.info("stopped: every server process exited");
    process.exit(failed ? 1 : 0);
  };

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    signalled = signal;
    if (slots.every((s) => !s.child)) return void finish();
    for (const s of slots) if (s.ready) s.child?.kill(signal);
    const timer = setTimeout(() => {
      log.error("server processes took too long to stop; killing them");
      for (const s of slots) s.child?.kill("SIGKILL");
      process.exit(1);
    }, options.stopTimeoutMs);
    timer.unref();
  };
  const giveUp = () => {
    failed = true;
    cannotStart = true;
    stop("SIGTERM");
    // Those not ready wait for a go that will not come, or are still loading: stop() did not
    // signal them.
    for (const s of slots) if (!s.ready) s.child?.kill("SIGTERM");
  };
  // Said only of a signal received: giving up stops the workers with one too, but its cause is
  // the line already logged, and "SIGTERM … shutting down" sent the operator looking for a sender.
  const received = (signal: NodeJS.Signals) => {
    if (!stopping) log.info({ signal }, "shutting down the server processes");
    stop(signal);
  };
  process.on("SIGTERM", () => received("SIGTERM"));
  process.on("SIGINT", () => received("SIGINT"));
  // The terminal it was started from closed: a graceful stop, as on SIGTERM. Node's default
  // killed this process on the spot, and its workers with it, requests in flight dropped.
  process.on("SIGHUP", () => received("SIGTERM"));

  for (let i = 0; i < options.workers; i++) start(i);
  options.prepared.then(
    () => {
      migrated = true;
      release();
    },
    (error: unknown) => {
      // A failure the operator can mend is its line alone; anything else keeps its trace.
      const said = options.failure?.(error);
      if (said === undefined) log.error({ err: error }, "the database could not be made ready");
      else log.error(said);
      giveUp();
    },
  );
}

/**
 * In a worker: when the supervisor is gone (killed, crashed), nothing would restart or stop this
 * process any more, and a signal to the supervisor's id would no longer reach it. It goes at once,
 * as if killed with the supervisor: what it acknowledged is committed already.
 */
export function exitWithSupervisor(): void {
  process.on("disconnect", () => process.kill(process.pid, "SIGKILL"));
}

const READY = "kiosque:ready";
const GO = "kiosque:go";

/**
 * In a worker: resolves once the supervisor says it may open the database. The worker loads
 * meanwhile, so a start costs one process's load, not two in a row.
 */
export function supervisorSaysGo(): Promise<void> {
  return new Promise((resolve) => {
    const listen = (message: unknown) => {
      if (message !== GO) return;
      process.off("message", listen);
      resolve();
    };
    process.on("message", listen);
  });
}

/** In a worker: it listens and handles SIGTERM and SIGINT from now on. */
export function tellSupervisorReady(): void {
  process.send?.(READY);
}
