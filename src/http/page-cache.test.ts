import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { changeKeys } from "../lib/change-keys.js";
import { PageCache, preparePage } from "./page-cache.js";

const page = (body: string, keys: string[]) => preparePage(body, "text/html; charset=utf-8", keys);

describe("preparePage", () => {
  it("holds the page in brotli and gzip that decode to the same bytes, with a strong ETag", async () => {
    const p = await page("<p>Bonjour ".repeat(200), []);
    expect(zlib.brotliDecompressSync(p.br).toString()).toBe(p.identity.toString());
    expect(zlib.gunzipSync(p.gzip).toString()).toBe(p.identity.toString());
    expect(p.br.length).toBeLessThan(p.identity.length / 10);
    expect(p.etag).toMatch(/^"[\w-]{22}"$/);
    expect((await page("<p>Bonjour ".repeat(200), [])).etag).toBe(p.etag);
    expect((await page("<p>Bonsoir", [])).etag).not.toBe(p.etag);
  });

  it("holds its encodings in one allocation of their exact size, not in Node's shared slabs", async () => {
    const p = await page("<p>Bonjour ".repeat(200), []);
    const size = p.identity.length + p.br.length + p.gzip.length;
    for (const b of [p.identity, p.br, p.gzip]) expect(b.buffer.byteLength).toBe(size);
  });
});

describe("PageCache", () => {
  it("drops exactly the pages that list a changed key", async () => {
    const cache = new PageCache(10_000_000);
    cache.set("/article/a", await page("a", ["article:1", "article:2"]), 0);
    cache.set("/article/b", await page("b", ["article:2"]), 0);
    cache.set("/article/c", await page("c", ["article:3"]), 0);
    cache.invalidate(["article:2"]);
    expect(cache.get("/article/a")).toBeUndefined();
    expect(cache.get("/article/b")).toBeUndefined();
    expect(cache.get("/article/c")).toBeDefined();
    cache.invalidate([changeKeys.all]);
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
  });

  it("refuses a page rendered before an invalidation, which may show the old state", async () => {
    const cache = new PageCache(10_000_000);
    const renderedAt = cache.generation;
    cache.invalidate(["article:9"]);
    expect(cache.set("/", await page("old", ["home"]), renderedAt)).toBe(false);
    expect(cache.set("/", await page("new", ["home"]), cache.generation)).toBe(true);
  });

  it("stays within its byte budget, evicting the least recently used first", async () => {
    const one = await page("x".repeat(1000), []);
    const each = one.identity.length + one.br.length + one.gzip.length;
    const cache = new PageCache(each * 3);
    for (const key of ["a", "b", "c"]) cache.set(key, one, 0);
    cache.get("a");
    cache.set("d", one, 0);
    expect(cache.get("b")).toBeUndefined();
    expect(["a", "c", "d"].every((k) => cache.get(k))).toBe(true);
    expect(cache.bytes).toBeLessThanOrEqual(each * 3);
  });

  it("replaces a page under the same key without counting it twice", async () => {
    const cache = new PageCache(10_000_000);
    const p = await page("same", ["home"]);
    cache.set("/", p, 0);
    cache.set("/", p, 0);
    expect(cache.size).toBe(1);
    expect(cache.bytes).toBe(p.identity.length + p.br.length + p.gzip.length);
  });
});
