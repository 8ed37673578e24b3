import { loadConfig } from "../../src/config/index.js";
import { createLogger } from "../../src/lib/logger.js";
import { editing } from "../../src/modules/articles/index.js";
import { openRuntime } from "../../src/runtime.js";
import type { DatabaseLocation } from "./kiosque.js";
import { median } from "./load.js";

export interface PublishFigure {
  /** Milliseconds from the publishing call to the first of STREAK answers that all show it. */
  samples: number[];
  median: number;
  /** The same STREAK requests on the page once it shows the article: what the polling costs. */
  baselineMedian: number;
}

/**
 * Answers in a row that must show the article: each may come from another of the server's
 * processes, and all of them must have dropped their cached home page.
 */
const STREAK = 5;
/** Far past the target: a publication not seen by then is a failure, not a slow figure. */
const GIVE_UP_MS = 10_000;

async function home(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/`);
  return res.text();
}

/**
 * Issue 10's "publish → visible on another instance": the bench's own process opens the same
 * database (as a second instance would) and publishes a new article through the editing service,
 * while the server keeps the home page cached in every process; the figure is the time until the
 * server's home page shows it, STREAK answers in a row. Its baseline: those STREAK requests alone.
 */
export async function measurePublishVisible(
  location: DatabaseLocation,
  baseUrl: string,
  times: number,
): Promise<PublishFigure> {
  const config = loadConfig({
    LOG_LEVEL: "silent",
    ...(location.engine === "sqlite"
      ? { KIOSQUE_DATA_DIR: location.dataDir }
      : { DATABASE_URL: location.url }),
  });
  const runtime = await openRuntime(config, { log: createLogger({ logLevel: "silent" }) });
  try {
    const { ctx } = runtime;
    const editor = await ctx.db
      .selectFrom("users")
      .select(["id", "role"])
      .where("role", "in", ["editor", "admin"])
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const section = await ctx.db
      .selectFrom("categories")
      .select("id")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const samples: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < times; i++) {
      for (let k = 0; k < 2 * STREAK; k++) await home(baseUrl);
      const title = `Bench publication ${i} ${process.pid}`;
      const id = await editing.createDraft(ctx, editor, {
        title,
        standfirst: "",
        slug: "",
        body: "<p>Mesure.</p>",
        section: String(section.id),
        tags: "",
        authors: [String(editor.id)],
        comments_open: "1",
      });
      const t0 = performance.now();
      await editing.act(ctx, editor, id, "publish");
      let streakStart: number | undefined;
      let streak = 0;
      while (streak < STREAK) {
        const asked = performance.now();
        if (asked - t0 > GIVE_UP_MS) throw new Error(`"${title}" not on the home page after 10 s`);
        if ((await home(baseUrl)).includes(title)) {
          streakStart ??= asked;
          streak++;
        } else {
          streakStart = undefined;
          streak = 0;
        }
      }
      samples.push((streakStart ?? t0) - t0);
      const b0 = performance.now();
      for (let k = 0; k < STREAK; k++) await home(baseUrl);
      baseline.push(performance.now() - b0);
    }
    return { samples, median: median(samples), baselineMedian: median(baseline) };
  } finally {
    await runtime.close();
  }
}
