import zlib from "node:zlib";
import { get, type Fetched } from "./http.js";

export type Encoding = "br" | "gzip" | "none";

export interface Resource {
  url: string;
  kind: "html" | "css" | "js";
  /** Bytes once decompressed. */
  rawBytes: number;
  /** What the server sent: br, gzip, or nothing. */
  encoding: Encoding;
  /**
   * Compressed bytes: as sent when the server compressed, else what brotli (quality 11, as a
   * server pre-compressing would use) makes of the raw bytes.
   */
  compressedBytes: number;
}

export interface PageWeight {
  resources: Resource[];
  html: number;
  css: number;
  js: number;
  total: number;
  /** True when the server itself compressed every resource. */
  serverCompresses: boolean;
}

function decode(res: Fetched): { raw: Buffer; encoding: Encoding } {
  const encoding = res.headers["content-encoding"];
  if (encoding === "br") return { raw: zlib.brotliDecompressSync(res.body), encoding: "br" };
  if (encoding === "gzip") return { raw: zlib.gunzipSync(res.body), encoding: "gzip" };
  return { raw: res.body, encoding: "none" };
}

/** Asks for brotli first, then gzip, as the brief for page weight says; else compresses itself. */
async function fetchResource(url: string, kind: Resource["kind"]): Promise<Resource> {
  let res = await get(url, { "accept-encoding": "br" });
  if (res.status !== 200) throw new Error(`GET ${url}: status ${res.status}`);
  if (res.headers["content-encoding"] !== "br") res = await get(url, { "accept-encoding": "gzip" });
  const { raw, encoding } = decode(res);
  const compressedBytes =
    encoding === "none" ? zlib.brotliCompressSync(raw).length : res.body.length;
  return { url, kind, rawBytes: raw.length, encoding, compressedBytes };
}

const attribute = (tag: string, name: string) =>
  new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, "i").exec(tag)?.[1]?.replace(/&amp;/g, "&");

/** The stylesheets and scripts a page loads before the reader does anything. */
export function linkedAssets(html: string): { css: string[]; js: string[] } {
  const css: string[] = [];
  const js: string[] = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attribute(tag, "rel")?.toLowerCase().split(/\s+/) ?? [];
    const href = attribute(tag, "href");
    if (!href) continue;
    if (rel.includes("stylesheet")) css.push(href);
    else if (rel.includes("modulepreload")) js.push(href);
  }
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attribute(tag, "src");
    if (src) js.push(src);
  }
  return { css: [...new Set(css)], js: [...new Set(js)] };
}

/** The page's HTML, CSS and JS as a first-time reader downloads them, images aside. */
export async function measurePageWeight(pageUrl: string): Promise<PageWeight> {
  const html = await fetchResource(pageUrl, "html");
  const page = decode(await get(pageUrl)).raw.toString("utf8");
  const assets = linkedAssets(page);
  const resources = [
    html,
    ...(await Promise.all(assets.css.map((u) => fetchResource(new URL(u, pageUrl).href, "css")))),
    ...(await Promise.all(assets.js.map((u) => fetchResource(new URL(u, pageUrl).href, "js")))),
  ];
  const sum = (kind: Resource["kind"]) =>
    resources.filter((r) => r.kind === kind).reduce((n, r) => n + r.compressedBytes, 0);
  return {
    resources,
    html: sum("html"),
    css: sum("css"),
    js: sum("js"),
    total: resources.reduce((n, r) => n + r.compressedBytes, 0),
    serverCompresses: resources.every((r) => r.encoding !== "none"),
  };
}
