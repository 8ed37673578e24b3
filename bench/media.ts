/**
 * The media figure on its own (bench/README.md), without building a dataset or starting a server:
 *   node dist/bench/media.js [--runs N]                        a temporary SQLite database
 *   node dist/bench/media.js --engine postgres --database-url URL [--runs N]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { UsageError, oneOf, parseOptions, wholeNumber } from "./data/args.js";
import { Cleanup, cleanUpOnSignals } from "./runner/cleanup.js";
import { provisionDatabase } from "./runner/databases.js";
import { describeMedia, measureMediaUpload } from "./runner/media.js";

const USAGE = `usage: media [--runs N] [--engine sqlite | --engine postgres --database-url URL]`;

async function main(): Promise<void> {
  const values = parseOptions({
    runs: { type: "string" },
    engine: { type: "string" },
    "database-url": { type: "string" },
    help: { type: "boolean" },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const engine = oneOf("engine", values.engine, ["sqlite", "postgres"], "sqlite");
  const runs = wholeNumber("runs", values.runs, 3);
  if (runs < 1) throw new UsageError("--runs: at least 1");
  const cleanup = new Cleanup();
  cleanUpOnSignals(cleanup);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosque-bench-media-"));
  cleanup.defer(`remove ${workDir}`, () => fs.rmSync(workDir, { recursive: true, force: true }));
  try {
    const location = await provisionDatabase(
      engine,
      "media",
      workDir,
      values["database-url"],
      cleanup,
    );
    console.log(describeMedia(await measureMediaUpload(location, runs)));
  } finally {
    await cleanup.runAll();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  if (error instanceof UsageError) console.error(USAGE);
  process.exitCode = 1;
});
