#!/usr/bin/env node
// The `kiosque` command. Runs the built CLI, building it first on a fresh clone and whenever a
// source changed since the last build (scripts/freshness.mjs).
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { needsBuild } from "../scripts/freshness.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
if (needsBuild(root)) {
  execFileSync(process.execPath, [`${root}scripts/build.mjs`], { stdio: "inherit" });
}
// An import is a long batch that allocates fast: V8 would grow its young generation to over
// 100 MB for it, and hold that (docs/import-wordpress.md). Its own process gets the flag, which
// V8 reads only at start; every other command runs here as it is.
const IMPORT_FLAGS = ["--max-semi-space-size=4"];
if (process.argv[2] === "import" && !process.execArgv.includes(IMPORT_FLAGS[0])) {
  const child = spawnSync(
    process.execPath,
    [...IMPORT_FLAGS, `${root}dist/cli.js`, ...process.argv.slice(2)],
    { stdio: "inherit" },
  );
  process.exit(child.status ?? 1);
}
await import(`${root}dist/cli.js`);
