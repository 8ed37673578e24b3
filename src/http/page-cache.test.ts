import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { changeKeys } from "../lib/change-keys.js";
import { bytesIn, PageCache, PAGE_QUALITY, preparePage, type CachedPage } from "./page-cache.js";

function must(bytes: Buffer | undefined): Buffer {
  if (!bytes) throw new Error("expected the compressed form to be made");
  return bytes;
}

const page = (body: string, keys: string[]) => preparePage(body, "text/html; charset=utf-8", keys);

/** Offers a page twice, as two renders do: the cache keeps a page from its key's second one. */
function keep(cache: PageCache, key: string, p: CachedPage, renderedAt = 0): boolean {
  cache.set(key, p, renderedAt);
  return cache.set(key, p, renderedAt);
}

describe("preparePage", () => {
  it("holds the page in brotli and gzip that decode to the same bytes, with a strong ETag", async () => {
    const p = await page("<p>Bonjour ".repeat(200), []);
    const [br, gz] = [must(p.br), must(p.gzip)];
    expect(zlib.brotliDecompressSync(br).toString()).toBe(p.identity.toString());
    expect(zlib.gunzipSync(gz).toString()).toBe(p.identity.toString());
    expect(br.length).toBeLessThan(p.identity.length / 10);
    expect(p.etag).toMatch(/^"[\w-]{22}"$/);
    expect((await page("<p>Bonjour ".repeat(200), [])).etag).toBe(p.etag);
    expect((await page("<p>Bonsoir", [])).etag).not.toBe(p.etag);
  });

  it("holds its encodings in one allocation of their exact size, not in Node's shared slabs", async () => {
    const p = await page("<p>Bonjour ".repeat(200), []);
    const [br, gz] = [must(p.br), must(p.gzip)];
    const size = p.identity.length + br.length + gz.length;
    for (const b of [p.identity, br, gz]) expect(b.buffer.byteLength).toBe(size);
  });
});

describe("PageCache", () => {
  it("keeps a page from the second render of its key, and at once after an invalidation", async () => {
    const cache = new PageCache(10_000_000);
    const p = await page("a", ["article:1"]);
    expect(cache.set("/article/a", p, cache.generation)).toBe(false);
    expect(cache.get("/article/a")).toBeUndefined();
    expect(cache.set("/article/b", p, cache.generation)).toBe(false);
    expect(cache.set("/article/a", p, cache.generation)).toBe(true);
    expect(cache.get("/article/a")).toBe(p);
    cache.invalidate(["article:1"]);
    expect(cache.get("/article/a")).toBeUndefined();
    expect(cache.set("/article/a", p, cache.generation)).toBe(true);
    cache.invalidate([changeKeys.all]);
    expect(cache.set("/article/a", p, cache.generation)).toBe(true);
  });

  it("keeps next to none of many keys asked for once, and still knows a key asked for since", async () => {
    const cache = new PageCache(10_000_000);
    const p = await page("a", []);
    let kept = 0;
    for (let i = 0; i < 200_000; i++) if (cache.set(`/article/a-${i}`, p, 0)) kept++;
    // Fingerprints of 32 bits: a few of 200,000 keys may meet an earlier one's by chance.
    expect(kept).toBeLessThan(20);
    expect(cache.size).toBe(kept);
    cache.set("/", p, 0);
    expect(cache.set("/", p, 0)).toBe(true);
  });

  it("drops exactly the pages that list a changed key", async () => {
    const cache = new PageCache(10_000_000);
    keep(cache, "/article/a", await page("a", ["article:1", "article:2"]));
    keep(cache, "/article/b", await page("b", ["article:2"]));
    keep(cache, "/article/c", await page("c", ["article:3"]));
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
    // Twice, so that the key is known: the second refusal is the invalidation's.
    expect(keep(cache, "/", await page("old", ["home"]), renderedAt)).toBe(false);
    expect(cache.set("/", await page("new", ["home"]), cache.generation)).toBe(true);
  });

  it("stays within its byte budget, evicting the least recently used first", async () => {
    const one = await page("x".repeat(1000), []);
    const each = one.identity.length + must(one.br).length + must(one.gzip).length;
    const cache = new PageCache(each * 3);
    for (const key of ["a", "b", "c"]) keep(cache, key, one);
    cache.get("a");
    keep(cache, "d", one);
    expect(cache.get("b")).toBeUndefined();
    expect(["a", "c", "d"].every((k) => cache.get(k))).toBe(true);
    expect(cache.bytes).toBeLessThanOrEqual(each * 3);
  });

  it("replaces a page under the same key without counting it twice", async () => {
    const cache = new PageCache(10_000_000);
    const p = await page("same", ["home"]);
    keep(cache, "/", p);
    keep(cache, "/", p);
    expect(cache.size).toBe(1);
    expect(cache.bytes).toBe(p.identity.length + must(p.br).length + must(p.gzip).length);
  });

  it("counts a compressed form made after the page was kept, and gives it back on removal", async () => {
    const cache = new PageCache(10_000_000);
    const p = await preparePage("<p>Bonjour ".repeat(200), "text/html", ["home"], PAGE_QUALITY, [
      "identity",
    ]);
    keep(cache, "/", p);
    expect(cache.bytes).toBe(p.identity.length);
    const gz = await bytesIn(p, "gzip", (bytes) => cache.grew("/", p, bytes));
    expect(cache.bytes).toBe(p.identity.length + gz.length);
    cache.invalidate(["home"]);
    expect(cache.bytes).toBe(0);
  });
});

describe("bytesIn", () => {
  it("compresses a form no client asked for before once, for every client asking meanwhile", async () => {
    const p = await preparePage("<p>Bonjour ".repeat(200), "text/html", [], PAGE_QUALITY, [
      "identity",
    ]);
    expect(p.br).toBeUndefined();
    expect(p.gzip).toBeUndefined();
    const made: number[] = [];
    const asked = await Promise.all(
      [1, 2, 3].map(() => bytesIn(p, "br", (bytes) => made.push(bytes))),
    );
    expect(new Set(asked).size).toBe(1);
    expect(made).toEqual([asked[0]?.length]);
    expect(zlib.brotliDecompressSync(must(asked[0])).toString()).toBe(p.identity.toString());
    expect(bytesIn(p, "br")).toBe(asked[0]);
    expect(bytesIn(p, "identity")).toBe(p.identity);
  });
});
