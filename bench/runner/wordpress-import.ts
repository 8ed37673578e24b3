import { spawn } from "node:child_process";
import path from "node:path";
import { writeWxr, type WxrSpec } from "../wordpress/generate-wxr.js";
import { kiosqueEnv, type DatabaseLocation } from "./kiosque.js";
import { readMemory } from "./memory.js";
import { distDir } from "./paths.js";

export interface WordpressImportResult {
  posts: number;
  comments: number;
  fileMiB: number;
  /** Wall time of `kiosque import wordpress FILE`, start to exit (both its passes and the check). */
  seconds: number;
  /** The import process's highest resident set size (VmHWM), in MiB. */
  peakMiB: number;
}

/** The flags `bin/kiosque.js` runs an import with: measured as an operator runs it. */
const IMPORT_NODE_FLAGS = ["--max-semi-space-size=4", "--optimize-for-size"];

/** How often the import's memory is read: its peak is kept by the kernel, this only follows it. */
const POLL_MS = 100;

/**
 * Generates an export of `spec` in `workDir`, then times `kiosque import wordpress` on it as an
 * operator runs it (the built CLI, a process of its own) into the given empty database, reading
 * the process's peak memory from /proc until it exits.
 */
export async function measureWordpressImport(
  location: DatabaseLocation,
  workDir: string,
  spec: WxrSpec,
): Promise<WordpressImportResult> {
  const file = path.join(workDir, "wordpress-export.xml");
  const bytes = await writeWxr(file, spec);
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [...IMPORT_NODE_FLAGS, path.join(distDir, "cli.js"), "import", "wordpress", file],
    {
      env: kiosqueEnv(location),
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  let peakMiB = 0;
  const timer = setInterval(() => {
    const m = child.pid === undefined ? undefined : readMemory(child.pid);
    if (m) peakMiB = Math.max(peakMiB, m.peakMiB);
  }, POLL_MS);
  const code = await new Promise<number>((resolve) => child.on("exit", (c) => resolve(c ?? 1)));
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`kiosque import wordpress exited with ${code}:\n${stderr}`);
  return { posts: spec.posts, comments: spec.comments, fileMiB: bytes / 1048576, seconds, peakMiB };
}
