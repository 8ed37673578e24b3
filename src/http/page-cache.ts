import { createHash } from "node:crypto";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { changeKeys } from "../lib/change-keys.js";
import type { Piece } from "./gzip-pieces.js";
import { ownBytes } from "./own-bytes.js";
import type { ReaderState } from "./reader-cookies.js";
import { SeenKeys } from "./seen-keys.js";
import type { Cut, Edit } from "./segments.js";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * What a page adds for one reader (their held comments, their remembered values), as edits at
 * its marks (http/segments.ts). It reads the verified reader state only: never the request.
 */
export type Personalize = (reader: ReaderState) => Promise<readonly Edit[]>;

/** The codings a page is sent in. */
export type Encoding = "br" | "gzip" | "identity";
export type Compressed = Exclude<Encoding, "identity">;

/** A rendered page, and its compressed forms as clients have asked for them. */
export interface CachedPage extends Cut {
  type: string;
  etag: string;
  identity: Buffer;
  /**
   * Made on a miss only in the coding its first client takes, the others the first time a client
   * asks for them (`bytesIn`): a crawler going through the archive uncompressed cost two
   * compressions a page it never read, a third of a cold render's CPU.
   */
  br?: Buffer;
  gzip?: Buffer;
  /** Compressions under way, shared by the clients that ask meanwhile. */
  compressing?: Map<Compressed, Promise<Buffer>>;
  /** What the page shows, as change keys (lib/change-keys.ts): what makes it stale. */
  changeKeys: readonly string[];
  /** HTTP date of its content's last change, when the route knows it (feeds). */
  lastModified?: string | undefined;
  /** How a reader with personal cookies sees this page; absent: as everyone does. */
  personalize?: Personalize | undefined;
  /**
   * Parts of the page compressed apart, by byte range, for readers' pages (http/gzip-pieces.ts);
   * counted in the cache's bytes, a few per page.
   */
  pieces?: Map<string, Promise<Piece>>;
  /**
   * Readers' whole answers in gzip, by their state's key (reader-cookies.ts), a few per page:
   * a reader reading on gets the bytes of their last view. Counted with the pieces.
   */
  answers?: Map<string, Buffer>;
  /**
   * Bytes the cache counts for the page beyond `identity`: its compressed forms, pieces and
   * answers, as each was added while the page was kept (`PageCache.grew`).
   */
  extraBytes: number;
}

/**
 * Brotli effort for pages rendered while readers wait (after every invalidation): quality 5
 * compresses a 110 KB article page in ~3 ms, 11 (the maximum) in ~37 ms for ~10 % fewer bytes.
 * Assets, compressed once at start, take the maximum.
 */
export const PAGE_QUALITY = 5;

export function compress(identity: Buffer, encoding: Compressed, quality: number): Promise<Buffer> {
  return encoding === "br"
    ? brotli(identity, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
          [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
        },
      })
    : // gzip at its best costs ~1 ms even for large pages.
      gzip(identity, { level: zlib.constants.Z_BEST_COMPRESSION });
}

/**
 * Compressed when the page is rendered, in `encodings` (a page's first client's, or both for
 * assets): readers then cost a lookup, not a compression.
 */
export async function preparePage(
  body: string | Buffer | Cut,
  type: string,
  changeKeys: readonly string[],
  quality = PAGE_QUALITY,
  encodings: readonly Encoding[] = ["br", "gzip"],
  unversioned: readonly string[] = [],
): Promise<CachedPage> {
  const { identity, points } =
    typeof body === "string"
      ? { identity: Buffer.from(body), points: new Map<string, number>() }
      : Buffer.isBuffer(body)
        ? { identity: body, points: new Map<string, number>() }
        : body;
  const [brotlied, gzipped] = await Promise.all(
    (["br", "gzip"] as const).map((e) =>
      encodings.includes(e) ? compress(identity, e, quality) : undefined,
    ),
  );
  const page = pageFromEncodings(identity, brotlied, gzipped, type, changeKeys, unversioned);
  return { ...page, points };
}

/**
 * A strong ETag naming the page's bytes, but for the `unversioned` texts in them (Rendered): two
 * renders of one version that differ only there are one representation to a cache revalidating
 * it, whichever worker answers.
 */
function etagOf(identity: Buffer, unversioned: readonly string[]): string {
  const digest = createHash("sha256");
  let from = 0;
  for (const [at, length] of occurrences(identity, unversioned)) {
    digest.update(identity.subarray(from, at));
    from = at + length;
  }
  digest.update(identity.subarray(from));
  return `"${digest.digest("base64url").slice(0, 22)}"`;
}

/** Where each text occurs in `bytes`, as [offset, length], in order and not overlapping. */
function occurrences(bytes: Buffer, texts: readonly string[]): [number, number][] {
  const found: [number, number][] = [];
  for (const text of texts) {
    const needle = Buffer.from(text);
    if (needle.length === 0) continue;
    for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + needle.length))
      found.push([at, needle.length]);
  }
  found.sort((a, b) => a[0] - b[0]);
  const apart: [number, number][] = [];
  let end = 0;
  for (const [at, length] of found)
    if (at >= end) {
      apart.push([at, length]);
      end = at + length;
    }
  return apart;
}

/** A page from the encodings made beforehand (the build's compressed assets). */
export function pageFromEncodings(
  identity: Buffer,
  brotlied: Buffer | undefined,
  gzipped: Buffer | undefined,
  type: string,
  changeKeys: readonly string[],
  unversioned: readonly string[] = [],
): CachedPage {
  const etag = etagOf(identity, unversioned);
  const made = [brotlied, gzipped].filter((b) => b !== undefined);
  const [own, ...compressed] = ownBytes([identity, ...made]) as [Buffer, ...Buffer[]];
  const page: CachedPage = {
    type,
    etag,
    identity: own,
    points: new Map(),
    changeKeys,
    extraBytes: 0,
  };
  if (brotlied) page.br = compressed.shift();
  if (gzipped) page.gzip = compressed.shift();
  page.extraBytes = (page.br?.length ?? 0) + (page.gzip?.length ?? 0);
  return page;
}

/**
 * The page's bytes in `encoding`, compressed the first time a client asks for them; `made` hears
 * of the new bytes (for the cache's count: `PageCache.grew`).
 */
export function bytesIn(
  page: CachedPage,
  encoding: Encoding,
  made?: (bytes: number) => void,
): Buffer | Promise<Buffer> {
  if (encoding === "identity") return page.identity;
  const ready = page[encoding];
  if (ready) return ready;
  page.compressing ??= new Map();
  const compressing = page.compressing;
  let pending = compressing.get(encoding);
  if (!pending) {
    pending = compress(page.identity, encoding, PAGE_QUALITY)
      .then((bytes) => {
        const [own] = ownBytes([bytes]) as [Buffer];
        page[encoding] = own;
        made?.(own.length);
        return own;
      })
      .finally(() => compressing.delete(encoding));
    compressing.set(encoding, pending);
  }
  return pending;
}

const size = (p: CachedPage) => p.identity.length + p.extraBytes;

/**
 * Rendered pages in memory, least recently used first out, bounded in bytes (every encoding
 * counted). A page is dropped as soon as something it shows changes: each page lists its change
 * keys, and `invalidate` drops every page carrying one of the changed keys.
 *
 * A page is kept from the second time its key is rendered (decision 024): a crawler going
 * through the archive, or a run of crafted URLs, asks for each page once and would otherwise
 * push out the pages readers come back to, for pages nobody asks for again. Once a key is known,
 * the page rendered after an invalidation is kept at once.
 */
export class PageCache {
  readonly #pages = new Map<string, CachedPage>();
  /** Change key → cache keys of the pages that list it. */
  readonly #byChangeKey = new Map<string, Set<string>>();
  #bytes = 0;
  /** Counts invalidations: a page rendered while one happened may show the old state. */
  #generation = 0;

  /** Keys rendered before. */
  readonly #seen = new SeenKeys();

  constructor(readonly maxBytes: number) {}

  get generation(): number {
    return this.#generation;
  }

  get bytes(): number {
    return this.#bytes;
  }

  get size(): number {
    return this.#pages.size;
  }

  get(key: string): CachedPage | undefined {
    const page = this.#pages.get(key);
    if (!page) return undefined;
    // Map keeps insertion order: moving a hit to the end makes the first entry the least recent.
    this.#pages.delete(key);
    this.#pages.set(key, page);
    return page;
  }

  /**
   * Keeps a page rendered when the generation was `renderedAt`, unless something changed since
   * (the page may be stale already, and the next reader renders it again) or its key is rendered
   * for the first time.
   */
  set(key: string, page: CachedPage, renderedAt: number): boolean {
    const known = this.#seen.seen(key);
    if (!known || renderedAt !== this.#generation || size(page) > this.maxBytes) return false;
    this.#remove(key);
    this.#pages.set(key, page);
    this.#bytes += size(page);
    for (const changeKey of page.changeKeys) {
      let keys = this.#byChangeKey.get(changeKey);
      if (!keys) this.#byChangeKey.set(changeKey, (keys = new Set()));
      keys.add(key);
    }
    for (const oldest of this.#pages.keys()) {
      if (this.#bytes <= this.maxBytes) break;
      this.#remove(oldest);
    }
    return true;
  }

  /**
   * Counts bytes a kept page took on since (a compressed form, pieces); a page no longer kept is
   * let be.
   */
  grew(key: string, page: CachedPage, bytes: number): void {
    if (this.#pages.get(key) !== page) return;
    page.extraBytes += bytes;
    this.#bytes += bytes;
    for (const oldest of this.#pages.keys()) {
      if (this.#bytes <= this.maxBytes) break;
      this.#remove(oldest);
    }
  }

  invalidate(changed: readonly string[]): void {
    this.#generation++;
    if (changed.includes(changeKeys.all)) {
      this.#pages.clear();
      this.#byChangeKey.clear();
      this.#bytes = 0;
      return;
    }
    for (const changeKey of changed) {
      for (const key of this.#byChangeKey.get(changeKey) ?? []) this.#remove(key);
    }
  }

  #remove(key: string): void {
    const page = this.#pages.get(key);
    if (!page) return;
    this.#pages.delete(key);
    this.#bytes -= size(page);
    for (const changeKey of page.changeKeys) {
      const keys = this.#byChangeKey.get(changeKey);
      keys?.delete(key);
      if (keys?.size === 0) this.#byChangeKey.delete(changeKey);
    }
  }
}
