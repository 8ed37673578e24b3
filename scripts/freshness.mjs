// Whether dist/ is older than what it is built from: `npx kiosque` rebuilds first then, so an edit
// is never run as the stale code from before it.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/** What scripts/build.mjs reads: the sources, and the build scripts themselves. */
export const BUILD_INPUTS = ["src", "scripts"];

/** Written by scripts/build.mjs, dated when that build started. */
export const BUILD_STAMP = "dist/.build-stamp";

/**
 * The latest change under `dir`. Folders count too: deleting or renaming a file changes only its
 * folder's time.
 */
function latestChange(dir) {
  let latest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { recursive: true })) {
    latest = Math.max(latest, statSync(path.join(dir, String(entry))).mtimeMs);
  }
  return latest;
}

/** True when `root` has no build yet, or a build input changed after the last build started. */
export function needsBuild(root) {
  let built;
  try {
    built = statSync(path.join(root, BUILD_STAMP)).mtimeMs;
  } catch {
    return true;
  }
  return BUILD_INPUTS.some((dir) => latestChange(path.join(root, dir)) > built);
}
