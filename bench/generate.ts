/**
 * The bench's data generator, on its own:
 *   node dist/bench/generate.js --articles 100000 --comments 1000000 --seed 42 \
 *     --engine sqlite --data-dir DIR        (or --engine postgres --database-url URL)
 * Same seed, same data. The database is migrated first and must hold no article.
 */
import { UsageError, oneOf, parseOptions, thousands, wholeNumber } from "./data/args.js";
import { generateDataset, type DatasetTarget } from "./data/generate-dataset.js";
import { progressBar } from "./data/progress.js";

const USAGE = `usage: generate [--articles N] [--comments N] [--bench-comments N] [--seed N]
                [--engine sqlite --data-dir DIR | --engine postgres --database-url URL]`;

async function main(): Promise<void> {
  const values = parseOptions({
    articles: { type: "string" },
    comments: { type: "string" },
    "bench-comments": { type: "string" },
    seed: { type: "string" },
    engine: { type: "string" },
    "data-dir": { type: "string" },
    "database-url": { type: "string" },
    help: { type: "boolean" },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const url = values["database-url"];
  const engine = oneOf(
    "engine",
    values.engine,
    ["sqlite", "postgres"],
    url ? "postgres" : "sqlite",
  );
  let target: DatasetTarget;
  if (engine === "postgres") {
    if (!url) throw new UsageError("--engine postgres needs --database-url postgres://…");
    target = { engine, url };
  } else {
    const dataDir = values["data-dir"];
    if (!dataDir) throw new UsageError("--engine sqlite needs --data-dir DIR");
    target = { engine, dataDir };
  }
  const spec = {
    articles: wholeNumber("articles", values.articles, 1_000),
    comments: wholeNumber("comments", values.comments, 10_000),
    benchComments: wholeNumber("bench-comments", values["bench-comments"], 200),
    seed: wholeNumber("seed", values.seed, 42),
  };
  const bar = progressBar("generating");
  const report = await generateDataset(spec, target, bar.update).finally(bar.stop);
  console.log(
    `generated ${thousands(report.articles)} articles and ${thousands(report.comments)} comments ` +
      `(${engine}, seed ${spec.seed}) in ${report.seconds.toFixed(1)} s`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  if (error instanceof UsageError) console.error(USAGE);
  process.exit(1);
});
