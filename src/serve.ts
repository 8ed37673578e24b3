import module from "node:module";
import type { ListenOptions } from "node:net";
import type { FastifyListenOptions } from "fastify";
import { buildApp } from "./app.js";
import { scheduleIdleCollect } from "./idle-collect.js";
import { ListenError, localUrl, type Config } from "./config/index.js";
import { scheduleForgetClientAddresses } from "./jobs/forget-client-addresses.js";
import { scheduleMediaVariants } from "./jobs/make-media-variants.js";
import { scheduleOptimize } from "./jobs/optimize-database.js";
import { schedulePublishScheduled } from "./jobs/publish-scheduled.js";
import { seedIfEmpty } from "./prepare.js";
import { openRuntime } from "./runtime.js";
import { SHUTDOWN_GRACE_MS, tellSupervisorReady } from "./supervisor.js";

/**
 * One server process: alone, or one of the supervisor's workers (`go` given), listening on the
 * same port as the others (`reusePort`: Linux, Node ≥ 22.12) once `go` says the supervisor has
 * migrated the database and written the demo.
 */
export async function serve(
  config: Config,
  { assetsDir, go }: { assetsDir: string; go?: Promise<void> },
): Promise<void> {
  const shared = go !== undefined;
  // A signal while the process is still starting (a worker started again just before a
  // shutdown) is kept, and honoured once there is something to close.
  let early: NodeJS.Signals | undefined;
  const keep = (signal: NodeJS.Signals) => (early ??= signal);
  process.on("SIGTERM", keep);
  process.on("SIGINT", keep);
  // A closed terminal (SIGHUP, sent to every process it started) stops a lone process gracefully,
  // as SIGTERM; a worker leaves it to its supervisor, which stops them all. Node's default ended
  // the process on the spot, requests in flight dropped.
  const hangUp = () => (shared ? undefined : keep("SIGTERM"));
  process.on("SIGHUP", hangUp);
  // A worker opens the database only once the supervisor has migrated it and no other worker is
  // writing the demo (its code is loaded by then): opened meanwhile, its own migration check and
  // secret raced the supervisor's migrations and seeding for SQLite's write lock, and under load
  // one side waited past busy_timeout (SQLITE_BUSY, the site did not start). Signalled while
  // waiting, it has nothing open and just ends.
  if (shared) {
    const signalled = new Promise<void>((resolve) => {
      process.once("SIGTERM", () => resolve());
      process.once("SIGINT", () => resolve());
    });
    await Promise.race([go, signalled]);
    if (early) process.exit(0);
  }
  const runtime = await openRuntime(config);
  const log = runtime.ctx.log;
  await seedIfEmpty(config, runtime);
  const app = await buildApp(runtime, { assetsDir });
  const stopOptimizing = scheduleOptimize(runtime.storage.engine, log);
  const stopForgetting = scheduleForgetClientAddresses(runtime.ctx);
  const stopMakingVariants = scheduleMediaVariants(runtime);
  const stopPublishing = schedulePublishScheduled(runtime.ctx);
  const stopCollecting = scheduleIdleCollect({
    collected: (before, after, ms) =>
      log.debug(
        {
          heapMB: Math.round(before / 1048576),
          nowMB: Math.round(after / 1048576),
          ms: Math.round(ms),
        },
        "quiet: heap given back",
      ),
    failed: (error) =>
      log.warn({ err: error }, "quiet: the heap could not be given back; no more tries"),
  });

  let stopping = false;
  // Once shutdown has begun, every answer ends its connection. app.close() closes the connections
  // idle at the signal (Fastify's forceCloseConnections "idle") and waits for the busy ones; but a
  // keep-alive connection busy at the signal goes idle after its answer and would stay open until
  // the keep-alive timeout (72 s), past the grace period: the process then exits 1 without
  // closing the database (no WAL checkpoint, PostgreSQL connections cut). "Connection: close"
  // also tells the client not to send another request on it. MUST be added before listen().
  app.addHook("onSend", (_req, reply, payload, done) => {
    if (stopping) reply.header("connection", "close");
    done(null, payload);
  });
  const close = async () => {
    // Stops accepting connections and waits for in-flight requests, whose writes then
    // complete; only after that may the database close (SQLite checkpoints its WAL).
    stopOptimizing();
    stopForgetting();
    stopCollecting();
    // An image in hand is finished (seconds); another process would take it up otherwise.
    await Promise.all([app.close(), stopMakingVariants()]);
    stopPublishing();
    await runtime.close();
  };
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    const timer = setTimeout(() => {
      log.error("shutdown took too long; exiting");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    timer.unref();
    try {
      await close();
    } catch (error) {
      log.error({ err: error }, "shutdown failed");
      process.exit(1);
    }
    log.info("stopped: every request answered, database closed");
    process.exit(0);
  };
  process.off("SIGTERM", keep);
  process.off("SIGINT", keep);
  process.off("SIGHUP", hangUp);
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGHUP", () => (shared ? undefined : void stop("SIGTERM")));
  if (early) return stop(early);
  // A signal while waiting reaches stop() above, which closes what is open and exits.
  await go;

  // Fastify hands its options to net's listen(), whose reusePort its own type does not list.
  const listen: FastifyListenOptions & Pick<ListenOptions, "reusePort"> = {
    port: config.port,
    host: config.host,
    reusePort: shared,
  };
  try {
    await app.listen(listen);
  } catch (error) {
    // Nothing was served: what is open closes as on a signal, and the caller says why in a line.
    stopping = true;
    await close();
    throw new ListenError(config, error);
  }
  // The code compiled so far is what a start compiles: kept now, not only at a clean exit.
  module.flushCompileCache();
  if (shared) return tellSupervisorReady();
  log.info(`Kiosque is serving ${localUrl(config)} (${config.database.engine})`);
}
