// The browser assets, built the same way for `npm start` (into dist/) and for the tests.
import { createHash } from "node:crypto";
import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import zlib from "node:zlib";
import * as esbuild from "esbuild";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Each asset compressed once, at build time, beside it (`.br`, `.gz`): the server reads them
 * instead of compressing at start, where brotli at its best took a second of every worker's start
 * for the editor alone. A build that changed nothing reuses them (`.sha256` names what they were
 * made from).
 */
async function precompress(outdir) {
  const files = (await readdir(outdir)).filter((f) => /\.(css|js|svg)$/.test(f));
  await Promise.all(
    files.map(async (file) => {
      const path = `${outdir}/${file}`;
      const body = await readFile(path);
      const sha = createHash("sha256").update(body).digest("hex");
      const made = await readFile(`${path}.sha256`, "utf8").catch(() => "");
      if (made === sha) return;
      const [br, gz] = await Promise.all([
        brotli(body, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        }),
        gzip(body, { level: zlib.constants.Z_BEST_COMPRESSION }),
      ]);
      await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
      await writeFile(`${path}.sha256`, sha);
    }),
  );
}

const root = new URL("..", import.meta.url).pathname;

/** Minified stylesheets and islands into `outdir`, under the names http/assets.ts serves. */
export async function buildAssets(outdir) {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [
      { in: "src/web/islands/comments.ts", out: "comments" },
      // The search page's suggestions as one types; that page only.
      { in: "src/web/islands/search-box.ts", out: "search-box" },
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
      // The newsroom menu's desk counts, for people who moderate.
      { in: "src/web/islands/live-counts.ts", out: "live-counts" },
      // Reader pages, only once a reader presses the GIF button (the comment island imports it).
      { in: "src/web/islands/gif-picker.ts", out: "gif-picker" },
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
  await precompress(outdir);
}
