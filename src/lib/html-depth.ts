/**
 * How deep a text's HTML nests, estimated in one pass. The HTML parser under `sanitize-html`
 * (htmlparser2) keeps its open elements in an array it shifts at each tag: its time grows with
 * the square of the nesting, and 200,000 unclosed `<b>` took seconds per pass, a 16 MB one hours.
 * Real HTML never nests that deep (browsers stop at 512): a body past `MAX_NESTING` is refused
 * on its field in a form (form-fields.ts `html`), and read as text, without its tags, wherever
 * else it comes from (sanitize.ts, the WordPress import).
 */
import { decodeHTML } from "entities";

export const MAX_NESTING = 512;

/** Elements that never hold anything. */
const VOID = new Set(
  "area base br col embed hr img input link meta param source track wbr".split(" "),
);
const BLOCKS_CLOSING_P =
  "address article aside blockquote details div dl fieldset figcaption figure footer form header hr main nav ol p pre section table ul h1 h2 h3 h4 h5 h6".split(
    " ",
  );
/** What an opening tag closes when it is the innermost open element (as the parser does). */
const CLOSES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["tr", new Set(["tr", "th", "td"])],
  ["th", new Set(["th"])],
  ["td", new Set(["thead", "th", "td"])],
  ["a", new Set(["a"])],
  ["li", new Set(["li"])],
  ["option", new Set(["option"])],
  ["optgroup", new Set(["optgroup", "option"])],
  ["dd", new Set(["dd", "dt"])],
  ["dt", new Set(["dd", "dt"])],
  ["tbody", new Set(["thead", "tbody"])],
  ["tfoot", new Set(["thead", "tbody"])],
  ...BLOCKS_CLOSING_P.map((b) => [b, new Set(["p"])] as const),
  ...["h1", "h2", "h3", "h4", "h5", "h6"].map(
    (h) => [h, new Set(["h1", "h2", "h3", "h4", "h5", "h6", "p"])] as const,
  ),
]);

/**
 * True when the text's elements nest deeper than `MAX_NESTING`. Errs on the deep side (a tag's
 * name is counted wherever `<name` is written, in an attribute or a comment too), never on the
 * shallow one; time linear in the text.
 */
export function nestsTooDeep(html: string): boolean {
  const open: string[] = [];
  const count = new Map<string, number>();
  const pop = () => {
    const name = open.pop() ?? "";
    count.set(name, (count.get(name) ?? 1) - 1);
  };
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w:-]*)/g)) {
    const name = (m[2] ?? "").toLowerCase();
    if (VOID.has(name)) continue;
    if (m[1]) {
      if (!count.get(name)) continue;
      while (open.length > 0 && open[open.length - 1] !== name) pop();
      pop();
      continue;
    }
    const closes = CLOSES.get(name);
    while (closes && open.length > 0 && closes.has(open[open.length - 1] ?? "")) pop();
    open.push(name);
    count.set(name, (count.get(name) ?? 0) + 1);
    if (open.length > MAX_NESTING) return true;
  }
  return false;
}

/** A text's words without its tags, when the HTML parser cannot be given it (see above). */
export const withoutTags = (html: string) => html.replace(/<[^<>]*>/g, " ");

const escapeText = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** HTML too deep to parse, as paragraphs of its words: what is kept of it when nobody can fix it. */
export function asPlainParagraphs(html: string): string {
  return decodeHTML(withoutTags(html))
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeText(p)}</p>`)
    .join("\n");
}
