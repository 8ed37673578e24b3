import { randomBytes } from "node:crypto";
import { h, type ComponentChildren } from "preact";
import { detached } from "../lib/detached.js";

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

export function cut(html: string): Cut {
  const points = new Map<string, number>();
  // The page is encoded once, whole: the offsets are counted on the text between marks, which
  // costs a scan and no bytes (encoding each part, then joining them, wrote the page twice).
  let text = "";
  let bytes = 0;
  let from = 0;
  for (const m of html.matchAll(MARK)) {
    const part = html.slice(from, m.index);
    text += part;
    bytes += Buffer.byteLength(part);
    // Kept as long as the page is cached: a name must not keep the rendered HTML alive.
    points.set(detached(m[1] ?? ""), bytes);
    from = m.index + m[0].length;
  }
  return { identity: Buffer.from(from === 0 ? html : text + html.slice(from)), points };
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
