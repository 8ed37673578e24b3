import fs from "node:fs";
import path from "node:path";
import type { BenchResult } from "./result.js";
import { resultsDir, root } from "./paths.js";

/**
 * The commit being measured, read from .git without running git (a bench must not depend on
 * git being installed): HEAD, then the branch it names, loose or packed.
 */
export function currentCommit(repo = root): string | undefined {
  try {
    const git = path.join(repo, ".git");
    const head = fs.readFileSync(path.join(git, "HEAD"), "utf8").trim();
    if (!head.startsWith("ref: ")) return head;
    const ref = head.slice(5);
    const loose = path.join(git, ref);
    if (fs.existsSync(loose)) return fs.readFileSync(loose, "utf8").trim();
    const packed = fs.readFileSync(path.join(git, "packed-refs"), "utf8");
    return packed
      .split("\n")
      .find((line) => line.endsWith(` ${ref}`))
      ?.split(" ")[0];
  } catch {
    return undefined;
  }
}

/** bench/results/<ISO time>-<engine>.json, for comparing runs across commits. */
export function writeResult(result: BenchResult): string {
  fs.mkdirSync(resultsDir, { recursive: true });
  const stamp = result.startedAt.replace(/[:.]/g, "-");
  const file = path.join(resultsDir, `${stamp}-${result.engine}.json`);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
