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

// The name, its attributes, then either "/]" or "]" with an optional content and closing tag;
// the outer optional brackets catch WordPress's [[escape]].
const SHORTCODE =
  /\[(\[?)([A-Za-z][\w-]*)(?![\w-])([^\]/]*(?:\/(?!\])[^\]/]*)*?)(?:(\/)\]|\](?:([^[]*(?:\[(?!\/\2\])[^[]*)*)(\[\/\2\]))?)(\]?)/g;

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
  const parts = html.split(/(<(pre|code)\b[\s\S]*?<\/\2>)/i);
  let out = "";
  for (let i = 0; i < parts.length; i += 3) {
    out += replaceIn(parts[i] ?? "", handlers, unknown);
    if (parts[i + 1] !== undefined) out += parts[i + 1];
  }
  return out;
}

function replaceIn(
  text: string,
  handlers: Readonly<Record<string, Handler>>,
  unknown: Map<string, number>,
): string {
  return text.replace(
    SHORTCODE,
    (
      whole: string,
      open: string,
      name: string,
      attrText: string,
      _selfClosing: string | undefined,
      content: string | undefined,
      _close: string | undefined,
      close: string,
    ) => {
      if (open === "[" && close === "]") return whole.slice(1, -1);
      const key = name.toLowerCase();
      const handler = handlers[key];
      const inner = content === undefined ? undefined : replaceIn(content, handlers, unknown);
      if (handler) return handler({ name: key, ...parseAttrs(attrText), content: inner });
      unknown.set(key, (unknown.get(key) ?? 0) + 1);
      return inner ?? "";
    },
  );
}
