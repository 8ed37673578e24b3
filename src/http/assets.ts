import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type { FastifyInstance } from "fastify";
import type { AssetUrls } from "../web/site.js";
import { sendEncoded } from "./cacheable.js";
import { pageFromEncodings, preparePage, type CachedPage } from "./page-cache.js";

/**
 * Built assets, by the name pages know them under (web/site.ts AssetUrls): the stylesheets and
 * islands scripts/assets.mjs writes.
 */
const FILES = {
  css: "site.css",
  newsroomCss: "newsroom.css",
  commentsIsland: "comments.js",
  editorIsland: "editor.js",
  editorCss: "editor.css",
  autosaveIsland: "autosave.js",
  tagSuggestIsland: "tag-suggest.js",
  mediaPickerIsland: "media-picker.js",
  deskIsland: "desk.js",
  liveCountsIsland: "live-counts.js",
  gifPickerIsland: "gif-picker.js",
  searchBoxIsland: "search-box.js",
  icon: "favicon.svg",
} as const satisfies Record<keyof AssetUrls, string>;

/** Every asset's URL, made from its file name by `url`. */
export function assetUrls(url: (file: string) => string): AssetUrls {
  return Object.fromEntries(
    Object.entries(FILES).map(([name, file]) => [name, url(file)]),
  ) as Record<keyof AssetUrls, string>;
}

const TYPES: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
};

interface Asset {
  page: CachedPage;
  hash: string;
}

const FOREVER = "public, max-age=31536000, immutable";
const A_WHILE = "public, max-age=300";

/**
 * An asset as served: its brotli and gzip made by the build (scripts/assets.mjs) when they are of
 * these very bytes, else compressed here (brotli at its best takes a second for the editor: a
 * second of every worker's start).
 */
async function served(file: string, body: Buffer): Promise<CachedPage> {
  const type = TYPES[path.extname(file)] ?? "application/octet-stream";
  const sha = createHash("sha256").update(body).digest("hex");
  const read = (suffix: string) => fs.promises.readFile(`${file}${suffix}`).catch(() => undefined);
  const [made, br, gz] = await Promise.all([read(".sha256"), read(".br"), read(".gz")]);
  if (made?.toString() === sha && br && gz) return pageFromEncodings(body, br, gz, type, []);
  return preparePage(body, type, [], zlib.constants.BROTLI_MAX_QUALITY);
}

/**
 * Reads the built assets once at start, with their compressed forms, and serves them from
 * memory. URLs carry a content hash (`?v=…`), so browsers and CDNs may keep them for a year and a
 * new build is fetched at once.
 */
export async function registerAssets(app: FastifyInstance, dir: string): Promise<AssetUrls> {
  const assets = new Map<string, Asset>();
  for (const file of Object.values(FILES)) {
    const body = fs.readFileSync(path.join(dir, file));
    assets.set(file, {
      page: await served(path.join(dir, file), body),
      hash: createHash("sha256").update(body).digest("base64url").slice(0, 12),
    });
  }
  app.get<{ Params: { file: string }; Querystring: { v?: string } }>(
    "/assets/:file",
    async (req, reply) => {
      const asset = assets.get(req.params.file);
      if (!asset) return reply.callNotFound();
      return sendEncoded(req, reply, asset.page, req.query.v === asset.hash ? FOREVER : A_WHILE);
    },
  );
  const url = (file: string) => `/assets/${file}?v=${assets.get(file)?.hash ?? ""}`;
  // Browsers ask for /favicon.ico whatever the page says; answer with the same icon.
  app.get("/favicon.ico", async (_req, reply) => reply.redirect(url(FILES.icon), 301));
  return assetUrls(url);
}
