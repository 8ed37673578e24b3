// The browser assets, built the same way for `npm start` (into dist/) and for the tests.
import { copyFile, mkdir } from "node:fs/promises";
import * as esbuild from "esbuild";

const root = new URL("..", import.meta.url).pathname;

/** Minified stylesheet and islands into `outdir`, under the names http/assets.ts serves. */
export async function buildAssets(outdir) {
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: {
      comments: "src/web/islands/comments.ts",
      autosave: "src/web/islands/autosave.ts",
      site: "src/web/styles/site.css",
      newsroom: "src/web/styles/newsroom.css",
    },
    outdir,
    bundle: true,
    minify: true,
    platform: "browser",
    format: "esm",
    target: ["es2020"],
    logLevel: "warning",
  });
  await mkdir(outdir, { recursive: true });
  await copyFile(`${root}src/web/styles/favicon.svg`, `${outdir}/favicon.svg`);
}
