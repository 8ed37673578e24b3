// Builds what `npm start` runs: the server and CLI (bundled, dependencies left to node_modules)
// and the browser assets (minified stylesheet and islands). esbuild takes well under a second.
import { utimesSync, writeFileSync } from "node:fs";
import * as esbuild from "esbuild";
import { buildAssets } from "./assets.mjs";
import { BUILD_STAMP } from "./freshness.mjs";

const root = new URL("..", import.meta.url).pathname;
// Dated from the start: a source saved while the build runs makes the next `npx kiosque` rebuild.
const started = new Date();

const built = await esbuild.build({
  absWorkingDir: root,
  entryPoints: {
    server: "src/server.ts",
    cli: "src/cli/main.ts",
    // `npm run bench`: the harness runs the same build it measures (bench/README.md).
    "bench/run": "bench/run.ts",
    "bench/generate": "bench/generate.ts",
    "bench/static-server": "bench/static-server.ts",
    "bench/media": "bench/media.ts",
    "bench/related-quality": "bench/related/run-quality.ts",
    "bench/related-scale": "bench/related/run-scale.ts",
    "bench/search-scale": "bench/related/run-search.ts",
    "bench/wordpress": "bench/wordpress.ts",
  },
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node22",
  packages: "external",
  jsx: "automatic",
  jsxImportSource: "preact",
  sourcemap: true,
  logLevel: "warning",
});
if (built.warnings.length > 0)
  throw new Error(`the server built with ${built.warnings.length} warning(s)`);
await buildAssets(`${root}dist/public/assets`);
const stamp = `${root}${BUILD_STAMP}`;
writeFileSync(stamp, `${started.toISOString()}\n`);
utimesSync(stamp, started, started);
