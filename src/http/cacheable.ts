import type { FastifyReply, FastifyRequest } from "fastify";
import type { ReaderState } from "./reader-cookies.js";
import {
  bytesIn,
  preparePage,
  PAGE_QUALITY,
  type CachedPage,
  type Encoding,
  type PageCache,
  type Personalize,
} from "./page-cache.js";
import { bigPiece, gzipOf, smallPiece, type Piece } from "./gzip-pieces.js";
import { parseHttpDate } from "./http-date.js";
import { namesEtag } from "./if-none-match.js";
import { weightedList } from "./weighted-list.js";
import { ownBytes } from "./own-bytes.js";
import { cut, plan, type Edit } from "./segments.js";

/** A page as a route renders it, before any caching. */
export interface Rendered {
  /** The page, with the marks (http/segments.ts) where a reader's own parts go. */
  body: string;
  type: string;
  /** Change keys (lib/change-keys.ts) of everything the page shows. */
  changeKeys: readonly string[];
  /** What a reader with personal cookies sees added; the body itself is everyone's. */
  personalize?: Personalize;
  /** No earlier than the last change it shows (a feed: when it was made): sent as Last-Modified. */
  lastModified?: Date | undefined;
  /**
   * Texts in the page that are not what it shows (the comment form's stamp, decision 013), as
   * they appear in its bytes: left out of its ETag, so every worker's render of one version has
   * one ETag.
   */
  unversioned?: readonly string[];
}

/**
 * A page variant that shows nothing of its own (a `cpage` past the end, a `replytocom` that is
 * not a comment of the page): the reader goes to the page that does, and the cache keeps
 * nothing for it. Temporary: the comment may yet come, the pages may yet grow.
 */
export interface Moved {
  moved: string;
  /** For good: an article's old address (301). Still kept by no cache of ours. */
  permanent?: boolean;
}

/**
 * For CDNs and browsers: shared caches may keep a page a minute and serve it stale for five while
 * they fetch a new one; browsers revalidate each time (a 304 costs a lookup here). Pages for a
 * reader with personal cookies are never shared (see README: bypass the CDN on kq_* cookies).
 */
const SHARED = "public, max-age=0, must-revalidate, s-maxage=60, stale-while-revalidate=300";
/**
 * An answer whose links come from the request's own origin (no public URL set: feeds, sitemaps,
 * robots.txt): for browsers and feed readers only. A CDN keys on Host and path, not on the
 * X-Forwarded-Host a client may write and a proxy pass on: a feed made for a made-up host would
 * be everyone's, its every link pointing there.
 */
const ORIGIN_BOUND = "private, max-age=0, must-revalidate";
const PERSONAL = "private, no-store";

export interface CacheDeps {
  cache: PageCache | undefined;
  /**
   * Pages being rendered, by key: a burst of readers on a page nobody has yet waits for one
   * render and one compression instead of starting fifty.
   */
  rendering: Map<string, Promise<CachedPage | Moved>>;
  /** Hear other processes' writes before trusting the cache. */
  poll(): void;
  /** False for answers built on the request's origin, which no shared cache may keep. */
  shareable?: boolean;
}

/**
 * How much the client wants each compressed coding (RFC 9110 §12.5.3): 0 is refused; `*` stands
 * for every coding not listed.
 */
function weights(header: string | string[] | undefined): { br: number; gzip: number } {
  const q = weightedList(header);
  const star = q.get("*") ?? 0;
  return { br: q.get("br") ?? star, gzip: q.get("gzip") ?? star };
}

/**
 * The header as the compression plugin must read it, for the answers it compresses (newsroom
 * pages, a personal page sent whole): each coding with the weight `weights` gives it. Its own
 * reading takes `*` for gzip, so `gzip;q=0, *` got gzip. Unchanged without a `*`.
 */
export function withoutWildcard(header: string | undefined): string | undefined {
  if (header === undefined || !header.includes("*")) return header;
  const { br, gzip } = weights(header);
  const listed = [br > 0 && `br;q=${br}`, gzip > 0 && `gzip;q=${gzip}`].filter(Boolean);
  return listed.length > 0 ? listed.join(", ") : "identity";
}

/**
 * The encoding to answer in: the compressed coding the client weighs highest (ties to the
 * smaller, brotli); identity when it takes neither (a client that refuses identity too still gets
 * it, as servers usually answer, rather than a 406 page).
 */
export function encodingFor(header: string | string[] | undefined): Encoding {
  const { br, gzip } = weights(header);
  if (br > 0 && br >= gzip) return "br";
  if (gzip > 0) return "gzip";
  return "identity";
}

/**
 * Whether the client holds this version (RFC 9110 §13.1): by its ETag when it sends one, else by
 * date when the page has one (feed readers that keep only Last-Modified). A date that is no
 * HTTP-date, or one still to come (no client can hold a version from then), is ignored: "3000"
 * or tomorrow got a 304, and the reader kept what they held whatever changed until then.
 */
function notModified(req: FastifyRequest, page: CachedPage): boolean {
  const tag = req.headers["if-none-match"];
  if (tag !== undefined) return namesEtag(tag, page.etag);
  const since = req.headers["if-modified-since"];
  if (since === undefined || !page.lastModified) return false;
  const at = parseHttpDate(since);
  return at !== undefined && at <= Date.now() && Date.parse(page.lastModified) <= at;
}

/**
 * A prepared body in the encoding the client takes best (compressed now if no client asked for
 * it before: `made` hears of the bytes), or a 304 when it has this version.
 */
export async function sendEncoded(
  req: FastifyRequest,
  reply: FastifyReply,
  page: CachedPage,
  cacheControl: string,
  made?: (bytes: number) => void,
): Promise<FastifyReply> {
  reply
    .header("content-type", page.type)
    .header("etag", page.etag)
    .header("cache-control", cacheControl)
    .header("vary", "Accept-Encoding");
  if (page.lastModified) reply.header("last-modified", page.lastModified);
  if (notModified(req, page)) return reply.code(304).send();
  const encoding = encodingFor(req.headers["accept-encoding"]);
  const body = await bytesIn(page, encoding, made);
  if (encoding !== "identity") reply.header("content-encoding", encoding);
  return reply.send(body);
}

/**
 * A page's ranges compressed apart, kept with it: readers' pages cut the page at a few places
 * (the form, where their held comments go), the same for most of them.
 */
const PIECES_PER_PAGE = 8;

function rangePiece(
  deps: CacheDeps,
  key: string,
  page: CachedPage,
  start: number,
  end: number,
): Promise<Piece> {
  const id = `${start}-${end}`;
  page.pieces ??= new Map();
  const known = page.pieces.get(id);
  if (known) return known;
  const piece = bigPiece(page.identity.subarray(start, end));
  if (page.pieces.size < PIECES_PER_PAGE) {
    const pieces = page.pieces;
    pieces.set(id, piece);
    piece.then(
      (p) => deps.cache?.grew(key, page, p.deflated.length),
      () => pieces.delete(id),
    );
  }
  return piece;
}

/**
 * Readers whose answers a page keeps (their bytes counted in the cache's bound). Every personal
 * answer depends only on the page and the reader's verified state, and whatever changes a held
 * comment drops the page: a kept answer is as fresh as the page itself.
 */
const ANSWERS_PER_PAGE = 4;

function keepAnswer(deps: CacheDeps, key: string, page: CachedPage, reader: string, body: Buffer) {
  page.answers ??= new Map();
  if (page.answers.size >= ANSWERS_PER_PAGE) return;
  const [own] = ownBytes([body]) as [Buffer];
  page.answers.set(reader, own);
  deps.cache?.grew(key, page, own.length);
}

/**
 * A reader's own page: everyone's cached bytes with their parts spliced in, never shared. In
 * gzip made of pieces (http/gzip-pieces.ts): only the reader's parts are compressed for this
 * answer (brotli cannot be assembled so; every browser takes gzip).
 */
function personalHeaders(reply: FastifyReply, page: CachedPage): FastifyReply {
  return reply
    .header("x-kiosque-cache", "personal")
    .header("cache-control", PERSONAL)
    .header("vary", "Accept-Encoding")
    .type(page.type);
}

async function sendPersonal(
  deps: CacheDeps,
  key: string,
  req: FastifyRequest,
  reply: FastifyReply,
  page: CachedPage,
  reader: ReaderState,
  gzipOk: boolean,
  edits: readonly Edit[],
): Promise<FastifyReply> {
  personalHeaders(reply, page);
  const cuts = plan(page, edits);
  if (!gzipOk)
    return reply.send(
      Buffer.concat(
        cuts.map((c) => ("html" in c ? c.html : page.identity.subarray(c.start, c.end))),
      ),
    );
  const pieces = await Promise.all(
    cuts.map((c) =>
      "html" in c ? smallPiece(c.html) : rangePiece(deps, key, page, c.start, c.end),
    ),
  );
  const body = gzipOf(pieces);
  keepAnswer(deps, key, page, reader.key, body);
  return reply.header("content-encoding", "gzip").send(body);
}

/**
 * Serves a reader page from the page cache, rendering (and keeping) it on a miss. The page is
 * everyone's: a reader whose verified cookies hold something of theirs for this page gets it
 * added to the cached bytes, in an answer of their own that is never stored. Only pages rendered
 * successfully are kept: a NotFound thrown by `render` goes to the error handler as usual.
 */
export async function sendCacheable(
  deps: CacheDeps,
  reader: ReaderState,
  req: FastifyRequest,
  reply: FastifyReply,
  key: string,
  render: () => Promise<Rendered | Moved>,
): Promise<FastifyReply> {
  const { cache } = deps;
  deps.poll();
  let page: CachedPage | Moved | undefined = cache?.get(key);
  let outcome: "hit" | "miss" = "hit";
  if (!page) {
    outcome = "miss";
    let pending = deps.rendering.get(key);
    if (!pending) {
      const renderedAt = cache?.generation ?? 0;
      pending = render()
        .then(async (r) => {
          if ("moved" in r) return r;
          const prepared = await preparePage(
            cut(r.body),
            r.type,
            r.changeKeys,
            PAGE_QUALITY,
            [encodingFor(req.headers["accept-encoding"])],
            r.unversioned,
          );
          prepared.personalize = r.personalize;
          if (r.lastModified) prepared.lastModified = r.lastModified.toUTCString();
          cache?.set(key, prepared, renderedAt);
          return prepared;
        })
        .finally(() => deps.rendering.delete(key));
      deps.rendering.set(key, pending);
    }
    page = await pending;
  }
  // Asked again each time: browsers keep a 301 for good otherwise, and a slug changed back to
  // what it was would then loop.
  if ("moved" in page)
    return reply
      .header("cache-control", "no-cache")
      .redirect(page.moved, page.permanent ? 301 : 302);
  const shown = page;
  const made = (bytes: number) => cache?.grew(key, shown, bytes);
  if (reader.personal && page.personalize) {
    const gzipOk = weights(req.headers["accept-encoding"]).gzip > 0;
    const kept = gzipOk ? page.answers?.get(reader.key) : undefined;
    if (kept) return personalHeaders(reply, page).header("content-encoding", "gzip").send(kept);
    const edits = await page.personalize(reader);
    if (edits.length > 0) return sendPersonal(deps, key, req, reply, page, reader, gzipOk, edits);
    // Nothing of theirs on this page: everyone's bytes, still not for a shared cache to keep
    // under a request that carried the reader's cookies.
    return sendEncoded(req, reply.header("x-kiosque-cache", "personal"), page, PERSONAL, made);
  }
  const policy = deps.shareable === false ? ORIGIN_BOUND : SHARED;
  return sendEncoded(req, reply.header("x-kiosque-cache", outcome), page, policy, made);
}
