#!/usr/bin/env node
// The `kiosque` command. Runs the built CLI, building it first on a fresh clone and whenever a
// source changed since the last build (scripts/freshness.mjs).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { needsBuild } from "../scripts/freshness.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
if (needsBuild(root)) {
  execFileSync(process.execPath, [`${root}scripts/build.mjs`], { stdio: "inherit" });
}
await import(`${root}dist/cli.js`);
