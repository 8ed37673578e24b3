import module from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { exitOnOldNode, ListenError, loadConfig, localUrl, portIsFree } from "./config/index.js";
import { startFailure } from "./db/storage-failure.js";
import { createLogger } from "./lib/logger.js";
import {
  CANNOT_SERVE_CODE,
  exitWithSupervisor,
  SHUTDOWN_GRACE_MS,
  supervise,
  supervisorSaysGo,
  WORKER_FLAG,
} from "./supervisor.js";

// MUST run before main(): an older Node fails there ("module.enableCompileCache is not a
// function") or at the first database opened. The modules imported above only define things,
// so this line is the first to do anything (test/node-version.test.ts runs it on an old Node).
exitOnOldNode();

/**
 * The entry of `npm start`. It loads only what it needs: a worker (or a lone process) loads the
 * application, the supervisor only the database code it migrates with. Parsing and compiling
 * the whole application three times over on two cores was most of a start.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const dist = path.dirname(fileURLToPath(import.meta.url));
  // V8 keeps the code it compiles for the next start (checked against each file's content; a
  // build makes new entries): compiling the application and its dependencies is a third of a
  // worker's start. A folder that cannot be written only means no cache.
  module.enableCompileCache(path.join(dist, "..", "node_modules", ".cache", "kiosque-compile"));
  // Beside this file; the code it loads lives in dist/chunks/.
  const assetsDir = path.join(dist, "public", "assets");
  if (process.argv.includes(WORKER_FLAG)) {
    // Listened for at once: the supervisor may say it while this process is still loading.
    const go = supervisorSaysGo();
    exitWithSupervisor();
    const { serve } = await import("./serve.js");
    return serve(config, { assetsDir, go });
  }
  if (config.workers === 1) {
    const { serve } = await import("./serve.js");
    return serve(config, { assetsDir });
  }
  await portIsFree(config);
  const log = createLogger(config);
  // The workers load while this process migrates the database; they open their own runtime and
  // listen once told the schema is current. In a row, the two starts cost twice one process's.
  supervise({
    workers: config.workers,
    script: fileURLToPath(import.meta.url),
    log,
    stopTimeoutMs: SHUTDOWN_GRACE_MS + 2_000,
    prepared: import("./prepare.js").then(({ migrateDatabase }) => migrateDatabase(config)),
    failure: startFailure,
    stopped: () => import("./prepare.js").then(({ closeDatabase }) => closeDatabase(config)),
    serving: () =>
      log.info(
        `Kiosque is serving ${localUrl(config)} from ${config.workers} processes (${config.database.engine})`,
      ),
  });
}

main().catch((error: unknown) => {
  // A wrong setting or a database out of reach is said in a line; anything else is a bug, shown
  // whole.
  const said = startFailure(error);
  console.error(said === undefined ? error : `kiosque: ${said}`);
  // A worker says it to its supervisor, which then stops rather than starting another to fail.
  const worker = process.argv.includes(WORKER_FLAG);
  process.exit(worker && error instanceof ListenError ? CANNOT_SERVE_CODE : 1);
});
