import { finder, firstAtLeast } from "./scan.js";

/**
 * WordPress shortcodes (`[name attr="value"]`, `[name]content[/name]`), read as WordPress's own
 * `get_shortcode_regex` and `shortcode_parse_atts` read them, and replaced through handlers.
 * `[[name]]` is WordPress's escape for a literal `[name]`.
 */

export interface Shortcode {
  name: string;
  attrs: Record<string, string>;
  /** Positional attributes (`[embed https://…]`, `[youtube=…]`), in order. */
  positional: string[];
  /** What an enclosing shortcode wraps; undefined for a self-closing one. */
  content: string | undefined;
}

export type Handler = (code: Shortcode) => string;

/** A shortcode's name, at a given place (sticky). */
const NAME = /[A-Za-z][\w-]*/y;
/** Closing tags, `[/name]`, found in one pass. */
const CLOSER = /\[\/([A-Za-z][\w-]*)\]/g;
/**
 * Shortcodes inside shortcodes are replaced this deep: WordPress's own nest two or three; past
 * this, text is left as written (a post of thousands of nested codes costs no more than this).
 */
const MAX_DEPTH = 16;

const ATTR =
  /([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)/g;

export function parseAttrs(text: string): Pick<Shortcode, "attrs" | "positional"> {
  const attrs: Record<string, string> = {};
  const positional: string[] = [];
  // WordPress turns these spaces into plain ones before reading.
  const clean = text.replace(/[\u00a0\u200b]/g, " ");
  for (const m of clean.matchAll(ATTR)) {
    if (m[1] !== undefined) attrs[m[1].toLowerCase()] = m[2] ?? "";
    else if (m[3] !== undefined) attrs[m[3].toLowerCase()] = m[4] ?? "";
    else if (m[5] !== undefined) attrs[m[5].toLowerCase()] = m[6] ?? "";
    else positional.push(m[7] ?? m[8] ?? m[9] ?? "");
  }
  return { attrs, positional };
}

/**
 * Replaces every shortcode: by its handler's HTML when `handlers` knows its name, else by its
 * content alone (the plugin that drew it is not here), its name counted in `unknown`. Text in
 * `<pre>` and `<code>` is left as written: a shortcode shown as an example is text.
 */
export function replaceShortcodes(
  html: string,
  handlers: Readonly<Record<string, Handler>>,
  unknown: Map<string, number>,
): string {
  const opening = /<(pre|code)\b/gi;
  const closing = { pre: finder(html, /<\/pre>/i), code: finder(html, /<\/code>/i) };
  let out = "";
  let copied = 0;
  for (let m = opening.exec(html); m; m = opening.exec(html)) {
    const name = (m[1] ?? "").toLowerCase() as "pre" | "code";
    const end = closing[name](m.index + m[0].length);
    if (end === -1) continue;
    out += replaceIn(html.slice(copied, m.index), handlers, unknown, 0);
    copied = end + name.length + 3;
    out += html.slice(m.index, copied);
    opening.lastIndex = copied;
  }
  return out + replaceIn(html.slice(copied), handlers, unknown, 0);
}

/** One shortcode found in a text, as WordPress's `get_shortcode_regex` reads it. */
interface Found {
  /** Its end in the text (after a closing tag, and a `]` of the `[[escape]]`). */
  end: number;
  /** `[[name]]`: WordPress's escape for the text `[name]`. */
  escaped: boolean;
  name: string;
  attrText: string;
  content: string | undefined;
}

/**
 * Each shortcode of `text` to its replacement. Read by hand, not by one regular expression: the
 * expression WordPress uses reads the rest of the post from each unclosed `[name` or `[name]`,
 * which made a post of many of them take minutes. The reading is WordPress's: the name, the
 * attributes up to the first `]` (`/]` closes it), then, when a `[/name]` follows, the content up
 * to the first one; a `]` right after is the escape's.
 */
function replaceIn(
  text: string,
  handlers: Readonly<Record<string, Handler>>,
  unknown: Map<string, number>,
  depth: number,
): string {
  if (depth > MAX_DEPTH || !text.includes("[")) return text;
  const closers = new Map<string, number[]>();
  for (const m of text.matchAll(CLOSER)) {
    const name = m[1] ?? "";
    const list = closers.get(name);
    if (list) list.push(m.index);
    else closers.set(name, [m.index]);
  }
  const nextBracket = finder(text, "]");
  const at = (start: number): Found | undefined => {
    const open = text[start + 1] === "[";
    NAME.lastIndex = start + (open ? 2 : 1);
    const name = NAME.exec(text)?.[0];
    if (name === undefined) return undefined;
    const afterName = NAME.lastIndex;
    const bracket = nextBracket(afterName);
    if (bracket === -1) return undefined;
    const selfClosing = bracket > afterName && text[bracket - 1] === "/";
    const attrText = text.slice(afterName, selfClosing ? bracket - 1 : bracket);
    let end = bracket + 1;
    let content: string | undefined;
    const close = selfClosing ? undefined : firstAtLeast(closers.get(name), end);
    if (close !== undefined) {
      content = text.slice(end, close);
      end = close + name.length + 3;
    }
    const escaped = open && text[end] === "]";
    if (text[end] === "]") end++;
    return { end, escaped, name, attrText, content };
  };
  let out = "";
  let copied = 0;
  for (let start = text.indexOf("["); start !== -1;) {
    const code = at(start);
    if (!code) {
      start = text.indexOf("[", start + 1);
      continue;
    }
    out += text.slice(copied, start);
    if (code.escaped) out += text.slice(start + 1, code.end - 1);
    else {
      const key = code.name.toLowerCase();
      const handler = handlers[key];
      const inner =
        code.content === undefined
          ? undefined
          : replaceIn(code.content, handlers, unknown, depth + 1);
      if (handler) out += handler({ name: key, ...parseAttrs(code.attrText), content: inner });
      else {
        unknown.set(key, (unknown.get(key) ?? 0) + 1);
        out += inner ?? "";
      }
    }
    copied = code.end;
    start = text.indexOf("[", copied);
  }
  return out + text.slice(copied);
}
