/**
 * `node dist/bench/wordpress.js [--posts N] [--comments N]`: the WordPress import's figure alone
 * (issue 15), on a fresh SQLite database in a temporary folder: what `npm run bench` measures as
 * one of its parts, runnable by itself while working on the import.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { TARGETS } from "./runner/targets.js";
import { measureWordpressImport } from "./runner/wordpress-import.js";

const { values } = parseArgs({
  options: {
    posts: { type: "string", default: "10000" },
    comments: { type: "string", default: "100000" },
  },
});
const posts = Number(values.posts);
const comments = Number(values.comments);
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosque-bench-wordpress-"));
try {
  const r = await measureWordpressImport({ engine: "sqlite", dataDir: workDir }, workDir, {
    posts,
    comments,
    seed: 42,
  });
  console.log(
    `WordPress import (SQLite): ${r.posts} posts, ${r.comments} comments, ${r.fileMiB.toFixed(1)} MiB: ` +
      `${r.seconds.toFixed(1)} s (target < ${TARGETS.wordpressImportSeconds} s), peak ${r.peakMiB.toFixed(0)} MiB (target < ${TARGETS.wordpressImportPeakMiB} MiB)`,
  );
} finally {
  fs.rmSync(workDir, { recursive: true, force: true });
}
