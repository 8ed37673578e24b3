/**
 * Issue 13's scale figures on their own (`npm run bench -- --full` measures them on its large
 * dataset too):
 *   node dist/bench/related-scale.js --articles 100000 [--database-url postgres://…]
 * Generates the dataset (no comments) in a temporary folder, or a fresh database on the given
 * PostgreSQL, reindexes it, publishes, searches; removes what it made.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseOptions, wholeNumber } from "../data/args.js";
import { generateDataset } from "../data/generate-dataset.js";
import { admin } from "../runner/databases.js";
import type { DatabaseLocation } from "../runner/kiosque.js";
import { formatRelatedScale, measureRelatedScale } from "../runner/related-scale.js";

const values = parseOptions({
  articles: { type: "string" },
  "database-url": { type: "string" },
});
const articles = wholeNumber("articles", values.articles, 100_000);
const url = values["database-url"];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosque-related-"));
const dbName = `related_scale_${process.pid}`;
let location: DatabaseLocation = { engine: "sqlite", dataDir: dir };
if (url) {
  await admin(url, `create database ${dbName}`);
  const own = new URL(url);
  own.pathname = `/${dbName}`;
  location = { engine: "postgres", url: own.toString() };
}
try {
  const spec = { articles, comments: 0, benchComments: 0, seed: 42 };
  const made = await generateDataset(spec, location, () => {});
  console.error(`generated ${articles} articles in ${made.seconds.toFixed(1)} s`);
  console.log(formatRelatedScale(await measureRelatedScale(location), location.engine));
} finally {
  if (url) await admin(url, `drop database if exists ${dbName}`);
  fs.rmSync(dir, { recursive: true, force: true });
}
