import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The project root: two levels up both from dist/bench/ (where this is bundled into run.js)
 * and from bench/runner/ (where it lives).
 */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const distDir = path.join(root, "dist");
export const resultsDir = path.join(root, "bench", "results");
