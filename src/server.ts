import type { ListenOptions } from "node:net";
import path from "node:path";
import type { FastifyListenOptions } from "fastify";
import { fileURLToPath } from "node:url";
import { buildApp } from "./app.js";
import { ConfigError, loadConfig, type Config } from "./config/index.js";
import { openRuntime, type Runtime } from "./runtime.js";
import { scheduleForgetClientAddresses } from "./jobs/forget-client-addresses.js";
import { scheduleMediaVariants } from "./jobs/make-media-variants.js";
import { scheduleOptimize } from "./jobs/optimize-database.js";
import { schedulePublishScheduled } from "./jobs/publish-scheduled.js";
import { seedDemo } from "./modules/demo/index.js";
import { createLogger } from "./lib/logger.js";
import {
  exitWithSupervisor,
  supervise,
  supervisorSaysGo,
  tellSupervisorReady,
  WORKER_FLAG,
} from "./supervisor.js";

/** Grace period for in-flight requests on SIGTERM/SIGINT before the process gives up. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  if (process.argv.includes(WORKER_FLAG)) {
    exitWithSupervisor();
    return serve(config, { shared: true });
  }
  if (config.workers === 1) return serve(config, { shared: false });
  const log = createLogger(config);
  // The workers load while this process migrates and writes the demo newsroom, once; they open
  // their own runtime (migrations wait on the same lock) and listen once told the database is
  // ready. In a row, the two starts cost twice one process's.
  supervise({
    workers: config.workers,
    script: fileURLToPath(import.meta.url),
    log,
    stopTimeoutMs: SHUTDOWN_GRACE_MS + 2_000,
    prepared: (async () => {
      const runtime = await openRuntime(config, { log });
      try {
        await seedIfEmpty(config, runtime);
      } finally {
        await runtime.close();
      }
    })(),
  });
  const shown =
    config.host === "0.0.0.0" || config.host === "127.0.0.1" ? "localhost" : config.host;
  log.info(
    `Kiosque is serving http://${shown}:${config.port} from ${config.workers} processes (${config.database.engine})`,
  );
}

async function seedIfEmpty(config: Config, runtime: Runtime): Promise<void> {
  if (!config.demo) return;
  const seeded = await seedDemo(runtime.ctx);
  if (seeded) {
    runtime.ctx.log.info(seeded, "demo content written to the empty database");
    await runtime.storage.engine.optimize();
  }
}

/**
 * One server process: alone (`shared: false`), or one of the supervisor's workers, listening on
 * the same port as the others (`reusePort`: Linux, Node ≥ 22.12) once the supervisor says it has
 * migrated the database and written the demo.
 */
async function serve(config: Config, { shared }: { shared: boolean }): Promise<void> {
  // Listened for at once: the supervisor may say it before this process reaches the wait.
  const go = shared ? supervisorSaysGo() : Promise.resolve();
  // A signal while the process is still starting (a worker started again just before a
  // shutdown) is kept, and honoured once there is something to close.
  let early: NodeJS.Signals | undefined;
  const keep = (signal: NodeJS.Signals) => (early ??= signal);
  process.on("SIGTERM", keep);
  process.on("SIGINT", keep);
  // A worker opens the database only once the supervisor has migrated it and written the demo
  // (its code is loaded by then): opened meanwhile, its own migration check and secret raced the
  // supervisor's migrations and seeding for SQLite's write lock, and under load one side waited
  // past busy_timeout (SQLITE_BUSY, the site did not start). Signalled while waiting, it has
  // nothing open and just ends.
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
  if (!shared) await seedIfEmpty(config, runtime);
  const assetsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "public", "assets");
  const app = await buildApp(runtime, { assetsDir });
  const stopOptimizing = scheduleOptimize(runtime.storage.engine, log);
  const stopForgetting = scheduleForgetClientAddresses(runtime.ctx);
  const stopMakingVariants = scheduleMediaVariants(runtime);
  const stopPublishing = schedulePublishScheduled(runtime.ctx);

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
      // Stops accepting connections and waits for in-flight requests, whose writes then
      // complete; only after that may the database close (SQLite checkpoints its WAL).
      stopOptimizing();
      stopForgetting();
      // An image in hand is finished (seconds); another process would take it up otherwise.
      await Promise.all([app.close(), stopMakingVariants()]);
      stopPublishing();
      await app.close();
      await runtime.close();
    } catch (error) {
      log.error({ err: error }, "shutdown failed");
      process.exit(1);
    }
    log.info("stopped: every request answered, database closed");
    process.exit(0);
  };
  process.off("SIGTERM", keep);
  process.off("SIGINT", keep);
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
  if (early) return stop(early);
  // A signal while waiting reaches stop() above, which closes what is open and exits.
  await go;

  // Fastify hands its options to net's listen(), whose reusePort its own type does not list.
  const listen: FastifyListenOptions & Pick<ListenOptions, "reusePort"> = {
    port: config.port,
    host: config.host,
    reusePort: shared,
  };
  await app.listen(listen);
  if (shared) return tellSupervisorReady();
  const shown =
    config.host === "0.0.0.0" || config.host === "127.0.0.1" ? "localhost" : config.host;
  log.info(`Kiosque is serving http://${shown}:${config.port} (${config.database.engine})`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
