// The browser assets, built the same way for `npm start` (into dist/) and for the tests.
import { copyFile, mkdir } from "node:fs/promises";
import * as esbuild from "esbuild";

const root = new URL("..", import.meta.url).pathname;

/** Minified stylesheets and islands into `outdir`, under the names http/assets.ts serves. */
export async function buildAssets(outdir) {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [
      { in: "src/web/islands/comments.ts", out: "comments" },
      { in: "src/web/styles/site.css", out: "site" },
      // The article edit page: saves what is typed as it is typed.
      { in: "src/web/islands/autosave.ts", out: "autosave" },
      // The article form's tag suggestions.
      { in: "src/web/islands/tag-suggest.ts", out: "tag-suggest" },
      // Newsroom pages only.
      { in: "src/web/styles/newsroom.css", out: "newsroom" },
      // Editor pages only, with a stylesheet of its own.
      { in: "src/web/islands/editor/editor.ts", out: "editor" },
      { in: "src/web/islands/editor/editor.css", out: "editor" },
      // Newsroom pages with a picker button (the article form).
      { in: "src/web/islands/media-picker.ts", out: "media-picker" },
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
  // A warning is a fault (a stylesheet's unclosed rule, a dropped import): the build says it
  // once, and stops, so that neither `npm start` nor the tests run on it.
  if (result.warnings.length > 0)
    throw new Error(`the browser assets built with ${result.warnings.length} warning(s)`);
  await mkdir(outdir, { recursive: true });
  await copyFile(`${root}src/web/styles/favicon.svg`, `${outdir}/favicon.svg`);
}
