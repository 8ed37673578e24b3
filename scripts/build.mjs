// Builds what `npm start` runs: the server and CLI (bundled, dependencies left to node_modules)
// and the browser assets (minified stylesheet and islands). esbuild takes well under a second.
import { readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import * as esbuild from "esbuild";
import { buildAssets } from "./assets.mjs";
import { BUILD_STAMP } from "./freshness.mjs";
import { exitOnOldNode } from "./node-version.mjs";

exitOnOldNode();

const root = new URL("..", import.meta.url).pathname;
// Dated from the start: a source saved while the build runs makes the next `npx kiosque` rebuild.
const started = new Date();
// Dependencies stay in node_modules, but for pure-ESM ones made of hundreds of small files:
// Node resolves, reads and compiles each of them at every start (kysely 257 files, typebox 247:
// 90 ms of a worker's start on a quiet core, far more while the other workers load). Bundled,
// they cost one parse.
const BUNDLED = new Set(["kysely", "@sinclair/typebox"]);
const manifest = JSON.parse(readFileSync(`${root}package.json`, "utf8"));
const external = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })
  .filter((name) => !BUNDLED.has(name))
  .flatMap((name) => [name, `${name}/*`]);

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
  external,
  // Chunks shared by the entries, loaded when used: the supervisor does not load the application.
  // One folder down, as bench/ is: bench/runner/paths.ts finds the root two levels up from either.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  jsx: "automatic",
  jsxImportSource: "preact",
  sourcemap: true,
  metafile: true,
  logLevel: "warning",
});
if (built.warnings.length > 0)
  throw new Error(`the server built with ${built.warnings.length} warning(s)`);
// Chunk names change with their content: last build's would pile up. Removed once this build's
// are written, so that a server running meanwhile never misses a chunk it loads late.
const written = new Set(Object.keys(built.metafile.outputs).map((file) => file.split("/").pop()));
for (const file of readdirSync(`${root}dist/chunks`))
  if (!written.has(file)) rmSync(`${root}dist/chunks/${file}`);
await buildAssets(`${root}dist/public/assets`);
const stamp = `${root}${BUILD_STAMP}`;
writeFileSync(stamp, `${started.toISOString()}\n`);
utimesSync(stamp, started, started);
