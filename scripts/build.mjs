// Builds what `npm start` runs: the server and CLI (bundled, dependencies left to node_modules)
// and the browser assets (minified stylesheet and islands). esbuild takes well under a second.
import * as esbuild from "esbuild";
import { buildAssets } from "./assets.mjs";

const root = new URL("..", import.meta.url).pathname;

await esbuild.build({
  absWorkingDir: root,
  entryPoints: {
    server: "src/server.ts",
    cli: "src/cli/main.ts",
    // `npm run bench`: the harness runs the same build it measures (bench/README.md).
    "bench/run": "bench/run.ts",
    "bench/generate": "bench/generate.ts",
    "bench/static-server": "bench/static-server.ts",
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
await buildAssets(`${root}dist/public/assets`);
