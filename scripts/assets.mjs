// The browser assets, built the same way for `npm start` (into dist/) and for the tests.
import { copyFile, mkdir } from "node:fs/promises";
import * as esbuild from "esbuild";

const root = new URL("..", import.meta.url).pathname;

/** Minified stylesheets and islands into `outdir`, under the names http/assets.ts serves. */
export async function buildAssets(outdir) {
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [
      { in: "src/web/islands/comments.ts", out: "comments" },
      { in: "src/web/styles/site.css", out: "site" },
      // Newsroom pages only.
      { in: "src/web/styles/newsroom.css", out: "newsroom" },
      // Editor pages only, with a stylesheet of its own.
      { in: "src/web/islands/editor/editor.ts", out: "editor" },
      { in: "src/web/islands/editor/editor.css", out: "editor" },
      // The moderation desk's pages only.
      { in: "src/web/islands/desk.ts", out: "desk" },
    ],
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
