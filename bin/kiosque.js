#!/usr/bin/env node
// The `kiosque` command. Runs the built CLI, building it first on a fresh clone.
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
if (!existsSync(`${root}dist/cli.js`)) {
  execFileSync(process.execPath, [`${root}scripts/build.mjs`], { stdio: "inherit" });
}
await import(`${root}dist/cli.js`);
