import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildApp } from "./app.js";
import { ConfigError, loadConfig } from "./config/index.js";
import { openRuntime } from "./runtime.js";
import { scheduleForgetClientAddresses } from "./jobs/forget-client-addresses.js";
import { scheduleOptimize } from "./jobs/optimize-database.js";
import { seedDemo } from "./modules/demo/index.js";

/** Grace period for in-flight requests on SIGTERM/SIGINT before the process gives up. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const runtime = await openRuntime(config);
  const log = runtime.ctx.log;
  if (config.demo) {
    const seeded = await seedDemo(runtime.ctx);
    if (seeded) {
      log.info(seeded, "demo content written to the empty database");
      await runtime.storage.engine.optimize();
    }
  }
  const assetsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "public", "assets");
  const app = await buildApp(runtime, { assetsDir });
  const stopOptimizing = scheduleOptimize(runtime.storage.engine, log);
  const stopForgetting = scheduleForgetClientAddresses(runtime.ctx);

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
      await app.close();
      await runtime.close();
    } catch (error) {
      log.error({ err: error }, "shutdown failed");
      process.exit(1);
    }
    log.info("stopped: every request answered, database closed");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));

  await app.listen({ port: config.port, host: config.host });
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
