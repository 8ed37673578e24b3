#!/usr/bin/env node
// The `kiosque` command. Runs the built CLI, building it first on a fresh clone and whenever a
// source changed since the last build (scripts/freshness.mjs).
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { exitOnOldNode } from "../scripts/node-version.mjs";

// MUST run before anything of Kiosque's is loaded: a static import is evaluated before this
// line, so the rest is imported after it, and an old Node hears why in one line.
exitOnOldNode();
const { needsBuild } = await import("../scripts/freshness.mjs");

const root = fileURLToPath(new URL("..", import.meta.url));
if (needsBuild(root)) {
  execFileSync(process.execPath, [`${root}scripts/build.mjs`], { stdio: "inherit" });
}
// An import is a long batch that allocates fast: V8 would grow its heap to several times what it
// holds live (~20-40 MB) and keep it: 570 MB at 10,000 posts. A small young generation and V8's
// size-first heuristics keep it near 200 MB for no measurable time (decision 021). Its own
// process gets the flags, which V8 reads only at start; every other command runs here as it is.
const IMPORT_FLAGS = ["--max-semi-space-size=4", "--optimize-for-size"];
if (process.argv[2] === "import" && !process.execArgv.includes(IMPORT_FLAGS[0])) {
  // Ctrl-C reaches the import too, which stops cleanly and says what was kept: this one waits
  // for it, instead of dying first and giving the prompt back before that line.
  process.on("SIGINT", () => {});
  const child = spawnSync(
    process.execPath,
    [...IMPORT_FLAGS, `${root}dist/cli.js`, ...process.argv.slice(2)],
    { stdio: "inherit" },
  );
  process.exit(child.status ?? (child.signal === "SIGINT" ? 130 : 1));
}
await import(`${root}dist/cli.js`);
