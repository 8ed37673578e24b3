/**
 * `npm run bench`: builds, generates the data, starts the production server and measures it
 * against a static-file baseline in the same run; prints tables and writes bench/results/*.json.
 * See bench/README.md. Everything it starts, it stops (also on errors and Ctrl-C).
 */
import { UsageError } from "./data/args.js";
import { benchEngine } from "./runner/bench-engine.js";
import { chooseGenerator, describeGenerator } from "./runner/generator.js";
import { Cleanup, cleanUpOnSignals } from "./runner/cleanup.js";
import { USAGE, parseRunOptions } from "./runner/options.js";
import { formatReport } from "./runner/report.js";
import { writeResult } from "./runner/results-file.js";
import { evaluateRelated, formatRelatedQuality } from "./related/evaluate.js";

async function main(): Promise<void> {
  const options = parseRunOptions();
  if (!options) {
    console.log(USAGE);
    return;
  }
  options.plan.generator = await chooseGenerator();
  console.error(`load: ${describeGenerator(options.plan.generator)}`);
  const cleanup = new Cleanup();
  cleanUpOnSignals(cleanup);
  const started = performance.now();
  const log = (message: string) =>
    console.error(
      `[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`,
    );
  // A last guard: whatever hangs, the run ends, and ends clean.
  const deadline = setTimeout(() => {
    console.error(`the bench ran past ${options.deadlineSeconds} s; stopping`);
    void cleanup.runAll().finally(() => process.exit(1));
  }, options.deadlineSeconds * 1000);
  deadline.unref();

  try {
    // Issue 13: the quality of related lists, computed in this process (no server involved).
    console.log(`\n${formatRelatedQuality(evaluateRelated())}\n`);
    for (const engine of options.engines) {
      const result = await benchEngine(engine, { options, cleanup, log });
      await cleanup.runAll();
      console.log(`\n${formatReport(result)}\n`);
      console.log(`results: ${writeResult(result)}`);
    }
  } finally {
    await cleanup.runAll();
    clearTimeout(deadline);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  if (error instanceof UsageError) console.error(USAGE);
  process.exitCode = 1;
});
