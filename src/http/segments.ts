import { transcode } from "node:buffer";
import { randomBytes } from "node:crypto";
import { h, type ComponentChildren } from "preact";

/**
 * Named points in a rendered page, where a reader's own parts go (their held comments, the
 * comment form with their remembered values). A view renders `mark(name)`; `cut` takes the marks
 * out and remembers their byte offsets, so the page is cached once for everyone, and a reader's
 * page is the cached bytes with a few small parts spliced in: no second render of the page.
 */

/**
 * Chosen at start, unknown outside the process: a text in an article or a comment can never
 * pass for a mark, escaped or not.
 */
const NONCE = randomBytes(9).toString("base64url");
const TAG = "kq-mark";
/** Names are plain words (letters, digits, `:` and `-`): nothing the renderer escapes. */
const MARK = new RegExp(`<${TAG} data-m="${NONCE}:([a-z0-9:-]*)"></${TAG}>`, "g");

export function mark(name: string): ComponentChildren {
  return h(TAG, { "data-m": `${NONCE}:${name}` });
}

export interface Cut {
  identity: Buffer;
  /** Mark name → byte offset in `identity`. */
  points: ReadonlyMap<string, number>;
}

/** A mark's bytes before its name, and after it. */
const MARK_OPENING = Buffer.from(`<${TAG} data-m="${NONCE}:`);
const MARK_CLOSING = Buffer.from(`"></${TAG}>`);
const NAME = /^[a-z0-9:-]*$/;

/**
 * Where a page's UTF-16 code units are written before they are turned into UTF-8 by `transcode`
 * (simdutf, in Node's ICU): V8's own UTF-8 writer goes one character at a time, and on an
 * article page it took ~3 times as long (37 against 9 µs for 14 KB). Grown to the largest page
 * met, up to SCRATCH_MAX; a larger page is encoded on its own.
 */
let scratch = Buffer.allocUnsafeSlow(64 * 1024);
const SCRATCH_MAX = 4 * 1024 * 1024;
const BYTES_PER_UNIT = 2;

function encoded(html: string): Buffer {
  const most = html.length * BYTES_PER_UNIT;
  if (most <= SCRATCH_MAX) {
    if (scratch.length < most) scratch = Buffer.allocUnsafeSlow(most);
    try {
      return transcode(scratch.subarray(0, scratch.write(html, 0, "utf16le")), "utf16le", "utf8");
    } catch {
      // A lone surrogate, which transcode refuses (Buffer.from writes U+FFFD for it), or a Node
      // built without ICU: V8's writer below.
    }
  }
  return Buffer.from(html);
}

export function cut(html: string): Cut {
  const points = new Map<string, number>();
  // The page is encoded once, whole, and the marks are found in its bytes and closed up in
  // place: offsets come out in bytes with no second scan of the text to count them, and no
  // joined string is built only to be encoded (each was a few percent of a cold render).
  const page = encoded(html);
  let length = 0;
  let read = 0;
  for (let at = page.indexOf(MARK_OPENING); at >= 0; at = page.indexOf(MARK_OPENING, read)) {
    const from = at + MARK_OPENING.length;
    const to = page.indexOf(MARK_CLOSING, from);
    // A name in latin1 is a new string: nothing of the page is kept alive through it.
    const name = to < 0 ? undefined : page.toString("latin1", from, to);
    if (name === undefined || !NAME.test(name)) break;
    length += page.copy(page, length, read, at);
    points.set(name, length);
    read = to + MARK_CLOSING.length;
  }
  if (read === 0) return { identity: page, points };
  length += page.copy(page, length, read);
  return { identity: page.subarray(0, length), points };
}

/** Replaces what lies between two marks (`to` omitted: inserts at `from`). */
export interface Edit {
  from: string;
  to?: string;
  html: string;
}

/** A spliced page, in order: byte ranges of the cached page and a reader's parts between them. */
export type Splice = ({ start: number; end: number } | { html: Buffer })[];

/** How the edits cut the page; edits at unknown marks are dropped. Keeps the order given. */
export function plan(page: Cut, edits: readonly Edit[]): Splice {
  const placed = edits
    .map((e, i) => ({
      i,
      start: page.points.get(e.from),
      end: page.points.get(e.to ?? e.from),
      html: e.html,
    }))
    .filter(
      (e): e is { i: number; start: number; end: number; html: string } =>
        e.start !== undefined && e.end !== undefined && e.end >= e.start,
    )
    .sort((a, b) => a.start - b.start || a.i - b.i);
  const out: Splice = [];
  let at = 0;
  for (const e of placed) {
    if (e.start < at) continue; // overlapping ranges: the first one wins
    if (e.start > at) out.push({ start: at, end: e.start });
    out.push({ html: Buffer.from(e.html) });
    at = e.end;
  }
  if (at < page.identity.length) out.push({ start: at, end: page.identity.length });
  return out;
}

/** The page with the edits made. */
export function splice(page: Cut, edits: readonly Edit[]): Buffer {
  return Buffer.concat(
    plan(page, edits).map((p) => ("html" in p ? p.html : page.identity.subarray(p.start, p.end))),
  );
}

/** A whole rendered page without its marks: for answers that are never cached. */
export function unmarked(html: string): string {
  return html.replace(MARK, "");
}
