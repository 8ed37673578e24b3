/**
 * Issue 13's search figure alone, on a dataset already generated (`node dist/bench/generate.js`):
 *   node dist/bench/search-scale.js --data-dir DIR | --database-url postgres://…/db
 * Indexes it for search first when it has no search index yet (the related lists are not needed),
 * then runs the searches `npm run bench -- --full` runs (bench/runner/related-scale.ts), and
 * prints p50/p95 with the machine's load average: on a shared machine the figure is indicative.
 */
import os from "node:os";
import { loadConfig } from "../../src/config/index.js";
import { createLogger } from "../../src/lib/logger.js";
import { search } from "../../src/modules/search/index.js";
import { openRuntime } from "../../src/runtime.js";
import { parseOptions, UsageError } from "../data/args.js";
import { measureSearches } from "../runner/related-scale.js";

const values = parseOptions({
  "data-dir": { type: "string" },
  "database-url": { type: "string" },
});
const url = values["database-url"];
const dataDir = values["data-dir"];
if (!url === !dataDir) throw new UsageError("--data-dir DIR or --database-url URL (one of them)");
const config = loadConfig({
  LOG_LEVEL: "silent",
  ...(url ? { DATABASE_URL: url } : { KIOSQUE_DATA_DIR: dataDir }),
});
const runtime = await openRuntime(config, { log: createLogger({ logLevel: "silent" }) });
try {
  const { ctx } = runtime;
  const indexed = await ctx.db
    .selectFrom("search_documents")
    .select("article_id")
    .limit(1)
    .executeTakeFirst();
  if (!indexed) {
    const t0 = performance.now();
    const n = await search.rebuild(ctx);
    console.error(
      `indexed ${n} articles for search in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  }
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ");
  const before = load();
  const { ms, cpuP95Ms } = await measureSearches(ctx);
  console.log(
    `search (service, ${config.database.engine}): p50 ${ms.p50.toFixed(1)} ms, ` +
      `p95 ${ms.p95.toFixed(1)} ms over ${ms.queries}; CPU p95 ${cpuP95Ms.toFixed(1)} ms; ` +
      `load average ${before} before, ${load()} after (${os.cpus().length} cores)`,
  );
} finally {
  await runtime.close();
}
