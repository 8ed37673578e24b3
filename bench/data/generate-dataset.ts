import { loadConfig } from "../../src/config/index.js";
import { openStorage } from "../../src/db/storage.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { titleWords } from "../../src/modules/articles/title-words.js";
import {
  articleBatches,
  categoryRows,
  commentBatches,
  newArticleIndex,
  tagRows,
  userRows,
  type DatasetSpec,
} from "./plan.js";
import { postgresSink } from "./postgres-sink.js";
import type { Sink } from "./sink.js";
import { sqliteSink } from "./sqlite-sink.js";
import * as tables from "./tables.js";

/** Where to write: the same two ways the server is told where its database is. */
export type DatasetTarget =
  { engine: "sqlite"; dataDir: string } | { engine: "postgres"; url: string };

export interface DatasetReport {
  articles: number;
  comments: number;
  seconds: number;
}

/** Rows per batch: big enough to amortise a statement, small enough to keep memory flat. */
const ARTICLE_BATCH = 1_000;
const COMMENT_BATCH = 10_000;

export function checkSpec(spec: DatasetSpec): void {
  const whole = (n: number) => Number.isSafeInteger(n) && n >= 0;
  if (!whole(spec.articles) || spec.articles < 1) throw new Error("articles: at least 1");
  if (!whole(spec.comments) || !whole(spec.benchComments))
    throw new Error("comments and bench comments: whole numbers");
  if (spec.benchComments > spec.comments)
    throw new Error("comments: at least as many as the bench article's");
  if (!Number.isSafeInteger(spec.seed)) throw new Error("seed: a whole number");
}

/**
 * Migrates the database with the project's own migrations (so the schema is exactly the
 * server's), then bulk-loads the dataset `spec` describes. Refuses a database that has articles.
 */
export async function generateDataset(
  spec: DatasetSpec,
  target: DatasetTarget,
  onProgress?: (done: number, total: number) => void,
): Promise<DatasetReport> {
  checkSpec(spec);
  const started = performance.now();
  const config = loadConfig({
    LOG_LEVEL: "silent",
    ...(target.engine === "sqlite"
      ? { KIOSQUE_DATA_DIR: target.dataDir }
      : { DATABASE_URL: target.url }),
  });
  const storage = openStorage(config.database);
  try {
    await migrateToLatest(storage);
  } finally {
    await storage.close();
  }

  const sink: Sink =
    config.database.engine === "sqlite"
      ? sqliteSink(config.database.file)
      : await postgresSink(config.database.url);
  try {
    if (!(await sink.isEmpty()))
      throw new Error("the database already has articles; the generator needs an empty one");
    await sink.insert(tables.categories, categoryRows());
    await sink.insert(tables.tags, tagRows());
    await sink.insert(tables.users, userRows(spec.seed));

    const total = spec.articles + spec.comments;
    let done = 0;
    onProgress?.(done, total);
    const index = newArticleIndex(spec);
    for (const batch of articleBatches(spec, ARTICLE_BATCH, index)) {
      await sink.insert(tables.articles, batch.articles);
      await sink.insert(tables.articleTags, batch.tags);
      await sink.insert(tables.articleAuthors, batch.authors);
      // What the newsroom's headline search reads, folded as the server folds a saved headline.
      await sink.insert(
        tables.articleTitleWords,
        batch.articles.flatMap((a) =>
          titleWords(a.title).map((word) => ({ word, article_id: a.id })),
        ),
      );
      done += batch.articles.length;
      onProgress?.(done, total);
    }
    for (const batch of commentBatches(spec, COMMENT_BATCH, index)) {
      await sink.insert(tables.comments, batch);
      done += batch.length;
      onProgress?.(done, total);
    }
    await sink.finish();
  } finally {
    await sink.close();
  }
  return {
    articles: spec.articles,
    comments: spec.comments,
    seconds: (performance.now() - started) / 1000,
  };
}
