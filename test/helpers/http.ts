import type { LightMyRequestResponse } from "fastify";

/** A form as a browser posts it (application/x-www-form-urlencoded); a list repeats the field. */
export function formBody(fields: Readonly<Record<string, string | readonly string[]>>): string {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of typeof value === "string" ? [value] : value) body.append(name, v);
  }
  return body.toString();
}

export interface SetCookie {
  name: string;
  /** As sent, still encoded: what a browser sends back. */
  value: string;
  /** The attributes, lower-cased names: "httponly", "samesite", "max-age", "path", … */
  attributes: Map<string, string>;
}

/** The cookies a response sets, by name. */
export function setCookies(res: LightMyRequestResponse): Map<string, SetCookie> {
  const header = res.headers["set-cookie"];
  const lines = header === undefined ? [] : Array.isArray(header) ? header : [String(header)];
  const out = new Map<string, SetCookie>();
  for (const line of lines) {
    const [pair = "", ...rest] = line.split(";");
    const eq = pair.indexOf("=");
    const attributes = new Map<string, string>();
    for (const a of rest) {
      const [k = "", ...v] = a.trim().split("=");
      attributes.set(k.toLowerCase(), v.join("="));
    }
    out.set(pair.slice(0, eq).trim(), {
      name: pair.slice(0, eq).trim(),
      value: pair.slice(eq + 1).trim(),
      attributes,
    });
  }
  return out;
}

/** A Cookie request header carrying these cookies back. */
export function cookieHeader(...cookies: readonly (SetCookie | undefined)[]): string {
  return cookies
    .filter((c): c is SetCookie => c !== undefined)
    .map((c) => `${c.name}=${c.value}`)
    .join("; ");
}

/**
 * Just enough of an HTML tokenizer to check pages from inject(): start tags with their attributes
 * (values decoded), and the text of a field as a browser would put it back in the form. Stricter
 * than a browser on purpose: any `<` followed by a letter is a tag, wherever it is.
 */
export interface StartTag {
  name: string;
  attrs: Map<string, string>;
  /** Offset of the tag's `<`. */
  start: number;
  /** Offset just past the tag's `>`. */
  end: number;
}

/** Our own islands as pages link them: a module script from /assets/, content-hashed, no body. */
const OWN_ISLAND = /^\/assets\/[\w.-]+\.js\?v=[\w-]+$/;

/** A start tag that is one of our islands' scripts: the only scripts a page may carry. */
export function isOwnIsland(tag: StartTag): boolean {
  return tag.name === "script" && OWN_ISLAND.test(tag.attrs.get("src") ?? "");
}

/** The page without our islands' script tags: any `<script` left came from elsewhere. */
export function withoutOwnIslands(html: string): string {
  return html.replace(
    /<script type="module" src="\/assets\/[\w.-]+\.js\?v=[\w-]+"><\/script>/g,
    "",
  );
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  return s.replace(
    /&(?:#x([0-9a-f]+)|#([0-9]+)|([a-z]+));/gi,
    (m, hex?: string, dec?: string, name?: string) => {
      if (hex) return String.fromCodePoint(parseInt(hex, 16));
      if (dec) return String.fromCodePoint(Number(dec));
      return NAMED[(name ?? "").toLowerCase()] ?? m;
    },
  );
}

export function startTags(html: string): StartTag[] {
  const tags: StartTag[] = [];
  const open = /<([a-zA-Z][a-zA-Z0-9-]*)/g;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    const attrs = new Map<string, string>();
    let i = open.lastIndex;
    const at = (k: number) => html[k] ?? ">";
    while (i < html.length) {
      while (/[\s/]/.test(at(i))) i++;
      if (at(i) === ">") break;
      const nameStart = i;
      while (!/[\s/>=]/.test(at(i))) i++;
      const name = html.slice(nameStart, i === nameStart ? ++i : i).toLowerCase();
      while (/\s/.test(at(i))) i++;
      let value = "";
      if (at(i) === "=") {
        i++;
        while (/\s/.test(at(i))) i++;
        const q = at(i);
        if (q === '"' || q === "'") {
          const close = html.indexOf(q, i + 1);
          const stop = close < 0 ? html.length : close;
          value = html.slice(i + 1, stop);
          i = stop + 1;
        } else {
          const valueStart = i;
          while (!/[\s>]/.test(at(i))) i++;
          value = html.slice(valueStart, i);
        }
      }
      if (!attrs.has(name)) attrs.set(name, decodeEntities(value));
    }
    tags.push({ name: (m[1] ?? "").toLowerCase(), attrs, start: m.index, end: i + 1 });
    open.lastIndex = i + 1;
  }
  return tags;
}

function byId(html: string, tag: string, id: string): StartTag {
  const found = startTags(html).find((t) => t.name === tag && t.attrs.get("id") === id);
  if (!found) throw new Error(`no <${tag} id="${id}"> in the page`);
  return found;
}

/** The value an `<input id=…>` shows. */
export function inputValue(html: string, id: string): string {
  return byId(html, "input", id).attrs.get("value") ?? "";
}

/** The value a `<textarea id=…>` holds once parsed: a browser drops one newline right after the tag. */
export function textareaValue(html: string, id: string): string {
  const tag = byId(html, "textarea", id);
  const close = html.indexOf("</textarea", tag.end);
  const raw = html.slice(tag.end, close < 0 ? undefined : close);
  return decodeEntities(raw.startsWith("\n") ? raw.slice(1) : raw);
}

/** The text between two offsets of a page, as a reader sees it: tags dropped, entities decoded. */
export function textBetween(html: string, from: number, to: number): string {
  const region = html.slice(from, to);
  let text = "";
  let at = 0;
  for (const tag of startTags(region)) {
    text += region.slice(at, tag.start);
    at = tag.end;
  }
  text += region.slice(at);
  return decodeEntities(text.replace(/<\/[a-zA-Z][a-zA-Z0-9-]*\s*>/g, ""));
}

/** The text of the element with this id, up to its first closing tag of the same name. */
export function textById(html: string, tag: string, id: string): string {
  const start = byId(html, tag, id);
  const close = html.indexOf(`</${tag}>`, start.end);
  return textBetween(html, start.end, close < 0 ? html.length : close);
}

/**
 * The text a comment's body shows once rendered (textContent): blank lines make paragraphs,
 * newlines line breaks, no markup.
 */
export function shownBody(body: string): string {
  return body
    .trim()
    .split(/\n\s*\n/u)
    .map((para) => para.split("\n").join(""))
    .join("");
}

/**
 * A script our templates write: an island from `/assets/`, or a JSON-LD data block (never run by
 * a browser; web/head-extras.tsx escapes its `<`, so no text can close it early).
 */
export function isOurScript(attrs: ReadonlyMap<string, string>): boolean {
  if ((attrs.get("src") ?? "").startsWith("/assets/")) return true;
  return attrs.get("type") === "application/ld+json" && !attrs.has("src");
}

/** Scripts a browser would run, besides our islands: none may come from text. */
export const RUNNABLE_SCRIPT = /<script(?![^>]*(?:src="\/assets\/|type="application\/ld\+json"))/i;

/** Every JSON-LD block of a page, parsed (a block that is not JSON throws). */
export function jsonLdBlocks(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map(
    (m) => JSON.parse(m[1] ?? "") as unknown,
  );
}
