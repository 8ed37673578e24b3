import { UsageError, oneOf, parseOptions, wholeNumber } from "../data/args.js";
import type { DatasetSpec } from "../data/plan.js";
import type { LoadPlan } from "./load.js";
import type { Engine, Mode } from "./result.js";

export interface RunOptions {
  mode: Mode;
  engines: Engine[];
  /** Where PostgreSQL bench databases are created (and dropped). */
  adminUrl: string | undefined;
  dataset: DatasetSpec;
  /** With --full: the large dataset, measured after the main one. */
  fullDataset: DatasetSpec | undefined;
  plan: LoadPlan;
  /** The whole run stops itself past this, cleaning up, whatever it was doing. */
  deadlineSeconds: number;
}

export const USAGE = `usage: npm run bench -- [--quick | --full] [--engine sqlite|postgres|both]
                     [--database-url postgres://…] [--seed N] [--connections N]
                     [--rounds N] [--duration SECONDS]`;

/** The approved comments on the bench article: the "article with 200 approved comments". */
const BENCH_COMMENTS = 200;

export function parseRunOptions(): RunOptions | undefined {
  const v = parseOptions({
    quick: { type: "boolean" },
    full: { type: "boolean" },
    engine: { type: "string" },
    "database-url": { type: "string" },
    seed: { type: "string" },
    connections: { type: "string" },
    rounds: { type: "string" },
    duration: { type: "string" },
    help: { type: "boolean" },
  });
  if (v.help) return undefined;
  if (v.quick && v.full) throw new UsageError("--quick and --full do not go together");
  const mode: Mode = v.quick ? "quick" : v.full ? "full" : "default";
  const engine = oneOf("engine", v.engine, ["sqlite", "postgres", "both"], "sqlite");
  const seed = wholeNumber("seed", v.seed, 42);
  // Quick: a smoke test for CI, figures only indicative. Default: the figures to compare.
  const quick = mode === "quick";
  const plan: LoadPlan = {
    connections: wholeNumber("connections", v.connections, 50),
    warmupSeconds: quick ? 0.5 : 1,
    roundSeconds: wholeNumber("duration", v.duration, quick ? 2 : 5),
    rounds: wholeNumber("rounds", v.rounds, quick ? 1 : 3),
  };
  if (plan.connections < 1 || plan.rounds < 1 || plan.roundSeconds < 1)
    throw new UsageError("--connections, --rounds and --duration: at least 1");
  const dataset: DatasetSpec = quick
    ? { articles: 100, comments: 1_000, benchComments: BENCH_COMMENTS, seed }
    : { articles: 1_000, comments: 10_000, benchComments: BENCH_COMMENTS, seed };
  return {
    mode,
    engines: engine === "both" ? ["sqlite", "postgres"] : [engine],
    adminUrl:
      v["database-url"] ??
      process.env.KIOSQUE_BENCH_DATABASE_URL ??
      process.env.KIOSQUE_TEST_DATABASE_URL,
    dataset,
    fullDataset:
      mode === "full"
        ? { articles: 100_000, comments: 1_000_000, benchComments: BENCH_COMMENTS, seed }
        : undefined,
    plan,
    // Generous: a default run takes 2–3 minutes per engine, --full adds the large dataset.
    deadlineSeconds: (quick ? 180 : mode === "full" ? 1_800 : 600) * (engine === "both" ? 2 : 1),
  };
}
