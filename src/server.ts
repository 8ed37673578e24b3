import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildApp } from "./app.js";
import { ConfigError, loadConfig } from "./config/index.js";
import { openRuntime } from "./ctx.js";
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
      await runtime.database.optimize();
    }
  }
  const assetsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "public", "assets");
  const app = await buildApp(runtime, { assetsDir });
  const stopOptimizing = scheduleOptimize(runtime.database, log);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    const timer = setTimeout(() => {
      log.error("shutdown took too long; exiting");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    timer.unref();
    // app.close() stops accepting connections and waits for in-flight requests.
    stopOptimizing();
    await app.close();
    await runtime.close();
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
