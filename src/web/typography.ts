/**
 * French typography, at rendering: the space a writer typed before `: ; ? !` and inside « »
 * becomes one that never breaks — a line never starts with « ? » or ends with « ». Stored text
 * stays as typed (the editor, the forms and the feeds get it back unchanged); only a reader's
 * page changes, as it is rendered. A space is replaced, never added: "12:30", "http://" and
 * English prose, which puts no space there, are untouched, so the rule needs no language.
 *
 * Before « : » a no-break space (U+00A0); before « ; ! ? », after « and before » a narrow one
 * (U+202F), as the Imprimerie nationale's rules have it.
 */
const NBSP = "\u00a0";
const NNBSP = "\u202f";
const PUNCTUATION = /[:;!?«»]/;

export function typeset(text: string): string {
  if (!PUNCTUATION.test(text)) return text;
  return text
    .replace(/[ \t\u00a0\u202f]+(?=:)/g, NBSP)
    .replace(/[ \t\u00a0\u202f]+(?=[;!?»])/g, NNBSP)
    .replace(/«[ \t\u00a0\u202f]+/g, `«${NNBSP}`);
}

/** Elements whose text is not prose: code, scripts and data, and what a person is editing. */
const VERBATIM_OPENING = /<(script|style|textarea|pre|code|kbd|samp|title)(?![a-zA-Z0-9-])/gi;

/** The last of the spaces before `: ; ! ? »`, or `«` and the first after it. */
const SPACED = /[ \t\u00a0\u202f][:;!?»]|«[ \t\u00a0\u202f]/g;

const isSpace = (c: number) => c === 32 || c === 9 || c === 0xa0 || c === 0x202f;

/**
 * The same over HTML: a whole reader page as rendered, or a fragment of it. Text between tags
 * only — never a tag's attributes (a form field's value comes back as typed), a comment, nor the
 * inside of a verbatim element. Entities are left as they are.
 *
 * Only the few spaces that would change are looked at, each placed in the page: this runs on
 * every page a reader is sent, and reading every tag of a 30 KB page to find a dozen spaces was
 * a tenth of an article's rendering. `from`: where to start, at a tag's `<` (a page's `<body>`:
 * its head has no text outside its title and scripts, which stay as they are anyway).
 */
export function typesetHtml(html: string, from = 0): string {
  SPACED.lastIndex = from;
  let found = SPACED.exec(html);
  if (!found) return html;
  const verbatim = verbatimRanges(html, from);
  let range = 0;
  let out = "";
  let copied = 0;
  for (; found; found = SPACED.exec(html)) {
    let start = found.index;
    let end = start + 1;
    let space: string;
    if (html.charCodeAt(start) === 0xab /* « */) {
      while (isSpace(html.charCodeAt(end))) end++;
      space = `«${NNBSP}`;
    } else {
      while (start > copied && isSpace(html.charCodeAt(start - 1))) start--;
      space = html.charCodeAt(end) === 58 /* : */ ? NBSP : NNBSP;
    }
    SPACED.lastIndex = end;
    while (range < verbatim.length && verbatim[range]![1] <= start) range++;
    const inVerbatim = range < verbatim.length && verbatim[range]![0] <= start;
    if (inVerbatim || insideTag(html, start)) continue;
    out += html.slice(copied, start) + space;
    copied = end;
  }
  return copied === 0 ? html : out + html.slice(copied);
}

/**
 * Where verbatim elements start and end, in order: from an opening tag to the first closing tag
 * of the same name (as a browser reads a script, a style or a textarea), the closing tag included.
 */
function verbatimRanges(html: string, from: number): [number, number][] {
  const ranges: [number, number][] = [];
  VERBATIM_OPENING.lastIndex = from;
  for (let open = VERBATIM_OPENING.exec(html); open; open = VERBATIM_OPENING.exec(html)) {
    if (insideTag(html, open.index)) continue;
    const closing = new RegExp(`</${open[1]}(?![a-zA-Z0-9-])`, "gi");
    closing.lastIndex = open.index + open[0].length;
    const close = closing.exec(html);
    const end = close ? tagEnd(html, close.index) : html.length;
    ranges.push([open.index, end]);
    VERBATIM_OPENING.lastIndex = end;
  }
  return ranges;
}

/** Whether `at` lies within a tag, a comment or a doctype: after a `<` that opens one, before its `>`. */
function insideTag(html: string, at: number): boolean {
  const start = at === 0 ? -1 : html.lastIndexOf("<", at - 1);
  if (start < 0 || !opensTag(html, start)) return false;
  return tagEnd(html, start) > at;
}

function opensTag(html: string, at: number): boolean {
  const next = html.charCodeAt(at + 1);
  const letter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (next === 33 /* ! */) return true;
  if (next === 47 /* / */) return letter(html.charCodeAt(at + 2));
  return letter(next);
}

/** Just past the `>` that ends the tag opened at `start`, quoted attribute values skipped. */
function tagEnd(html: string, start: number): number {
  if (html.charCodeAt(start + 1) === 33 /* ! */) {
    const end = html.indexOf(">", start);
    return end < 0 ? html.length : end + 1;
  }
  let quote = 0;
  for (let i = start + 1; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 /* " */ || c === 39 /* ' */) quote = c;
    else if (c === 62 /* > */) return i + 1;
  }
  return html.length;
}
