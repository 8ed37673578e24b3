/**
 * WordPress's `wpautop` (wp-includes/formatting.php), ported: the classic editor stores text
 * without `<p>`, and WordPress adds the paragraphs and line breaks when it shows a post. An
 * import does it once, so readers see the same paragraphs. Block-level tags are left alone, as
 * WordPress leaves them; `<pre>` keeps its new lines.
 */

import { finder } from "./scan.js";

const BLOCKS =
  "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)";

const NL = "<!-- wpnl -->";
/**
 * The rest of a tag, WordPress's `[^>]*>`, but stopping at a `<` too (that of a new line's mark
 * excepted, which a tag ends at as in WordPress): from each of many unclosed tags, `[^>]*` read
 * the rest of the post each time. WordPress writes `&lt;` inside attributes.
 */
const TAG_END = "[^<>]*(?:<!-- wpnl --)?>";

export function autop(input: string): string {
  if (input.trim() === "") return "";
  let text = `${input}\n`;

  const pres: string[] = [];
  text = replaceSpans(text, /<pre/gi, /<\/pre>/i, 6, (pre, gap) => {
    pres.push(pre);
    return `${gap}<pre wp-pre-tag-${pres.length - 1}></pre>`;
  });

  text = text.replace(/<br\s*\/?>\s*<br\s*\/?>/gi, "\n\n");
  text = text.replace(new RegExp(`(<${BLOCKS}[\\s/>])`, "gi"), "\n\n$1");
  text = text.replace(new RegExp(`(</${BLOCKS}>)`, "gi"), "$1\n\n");
  text = text.replace(/(<hr\s*?\/?>)/gi, "$1\n\n");
  text = text.replace(/\r\n?/g, "\n");
  // New lines inside a tag (between its attributes) are not line breaks.
  text = replaceSpans(text, /</g, ">", 1, (tag, gap) => gap + tag.replace(/\n/g, ` ${NL} `));
  if (text.includes("<figcaption")) {
    // No space before a caption: `\s*<figcaption` read each long run of spaces from each space.
    text = replaceSpans(text, /<figcaption/gi, ">", 1, (tag, gap) => gap.trimEnd() + tag);
    text = text.replace(/<\/figcaption>\s*/gi, "</figcaption>");
  }
  text = text.replace(/\n\n+/g, "\n\n");

  const paragraphs = text.split(/\n\s*\n/).filter((p) => p !== "");
  text = paragraphs.map((p) => `<p>${p.replace(/^\n+|\n+$/g, "")}</p>\n`).join("");

  text = text.replace(/<p>\s*<\/p>/g, "");
  text = text.replace(/<p>([^<]+)<\/(div|address|form)>/gi, "<p>$1</p></$2>");
  text = text.replace(new RegExp(`<p>\\s*(</?${BLOCKS}${TAG_END})\\s*</p>`, "gi"), "$1");
  text = text.replace(/<p>(<li.+?)<\/p>/gi, "$1");
  text = text.replace(/<p><blockquote([^<>]*)>/gi, "<blockquote$1><p>");
  text = text.replace(/<\/blockquote><\/p>/gi, "</p></blockquote>");
  text = text.replace(new RegExp(`<p>\\s*(</?${BLOCKS}${TAG_END})`, "gi"), "$1");
  text = text.replace(new RegExp(`(</?${BLOCKS}${TAG_END})\\s*</p>`, "gi"), "$1");

  // Single new lines become <br>, as WordPress's `$br` default does.
  text = text.replace(/<br\s*\/?>/gi, "<br />");
  text = lineBreaks(text);
  text = text.replace(new RegExp(`(</?${BLOCKS}${TAG_END})\\s*<br />`, "gi"), "$1");
  text = text.replace(
    new RegExp(`<br />(\\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)${TAG_END})`, "gi"),
    "$1",
  );
  text = text.replace(/\n<\/p>$/g, "</p>");

  text = text.replace(/<pre wp-pre-tag-(\d+)><\/pre>/g, (_, i: string) => pres[Number(i)] ?? "");
  return text.replace(new RegExp(` ?${NL} ?`, "g"), "\n");
}

/**
 * WordPress's `(?<!<br />)\s*\n` → `<br />\n`, run by run of white space: the expression read a
 * long run of spaces from each of its spaces, looking for a new line.
 */
function lineBreaks(text: string): string {
  return text.replace(/\s+/g, (run: string, at: number) => {
    const last = run.lastIndexOf("\n");
    const from = text.endsWith("<br />", at) ? 1 : 0;
    return last < from ? run : `${run.slice(0, from)}<br />\n${run.slice(last + 1)}`;
  });
}

/**
 * Replaces each span from a match of `start` to the first `end` after it (included, `endLength`
 * long), as `start[\s\S]*?end` would, but finding each end once (scan.ts). `replace` is given the
 * span and the text between it and the one before, and returns what both become.
 */
function replaceSpans(
  text: string,
  start: RegExp,
  end: string | RegExp,
  endLength: number,
  replace: (span: string, gap: string) => string,
): string {
  const next = finder(text, end);
  let out = "";
  let copied = 0;
  for (let m = start.exec(text); m; m = start.exec(text)) {
    const close = next(m.index + m[0].length);
    if (close === -1) break;
    out += replace(text.slice(m.index, close + endLength), text.slice(copied, m.index));
    copied = close + endLength;
    start.lastIndex = copied;
  }
  start.lastIndex = 0;
  return out + text.slice(copied);
}
