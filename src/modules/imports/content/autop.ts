/**
 * WordPress's `wpautop` (wp-includes/formatting.php), ported: the classic editor stores text
 * without `<p>`, and WordPress adds the paragraphs and line breaks when it shows a post. An
 * import does it once, so readers see the same paragraphs. Block-level tags are left alone, as
 * WordPress leaves them; `<pre>` keeps its new lines.
 */

const BLOCKS =
  "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)";

const NL = "<!-- wpnl -->";

export function autop(input: string): string {
  if (input.trim() === "") return "";
  let text = `${input}\n`;

  const pres: string[] = [];
  text = text.replace(/<pre[\s\S]*?<\/pre>/gi, (pre) => {
    pres.push(pre);
    return `<pre wp-pre-tag-${pres.length - 1}></pre>`;
  });

  text = text.replace(/<br\s*\/?>\s*<br\s*\/?>/gi, "\n\n");
  text = text.replace(new RegExp(`(<${BLOCKS}[\\s/>])`, "gi"), "\n\n$1");
  text = text.replace(new RegExp(`(</${BLOCKS}>)`, "gi"), "$1\n\n");
  text = text.replace(/(<hr\s*?\/?>)/gi, "$1\n\n");
  text = text.replace(/\r\n?/g, "\n");
  // New lines inside a tag (between its attributes) are not line breaks.
  text = text.replace(/<[^>]*>/g, (tag) => tag.replace(/\n/g, ` ${NL} `));
  if (text.includes("<figcaption")) {
    text = text.replace(/\s*(<figcaption[^>]*>)/gi, "$1");
    text = text.replace(/<\/figcaption>\s*/gi, "</figcaption>");
  }
  text = text.replace(/\n\n+/g, "\n\n");

  const paragraphs = text.split(/\n\s*\n/).filter((p) => p !== "");
  text = paragraphs.map((p) => `<p>${p.replace(/^\n+|\n+$/g, "")}</p>\n`).join("");

  text = text.replace(/<p>\s*<\/p>/g, "");
  text = text.replace(/<p>([^<]+)<\/(div|address|form)>/gi, "<p>$1</p></$2>");
  text = text.replace(new RegExp(`<p>\\s*(</?${BLOCKS}[^>]*>)\\s*</p>`, "gi"), "$1");
  text = text.replace(/<p>(<li.+?)<\/p>/gi, "$1");
  text = text.replace(/<p><blockquote([^>]*)>/gi, "<blockquote$1><p>");
  text = text.replace(/<\/blockquote><\/p>/gi, "</p></blockquote>");
  text = text.replace(new RegExp(`<p>\\s*(</?${BLOCKS}[^>]*>)`, "gi"), "$1");
  text = text.replace(new RegExp(`(</?${BLOCKS}[^>]*>)\\s*</p>`, "gi"), "$1");

  // Single new lines become <br>, as WordPress's `$br` default does.
  text = text.replace(/<br\s*\/?>/gi, "<br />");
  text = text.replace(/(?<!<br \/>)\s*\n/g, "<br />\n");
  text = text.replace(new RegExp(`(</?${BLOCKS}[^>]*>)\\s*<br />`, "gi"), "$1");
  text = text.replace(/<br \/>(\s*<\/?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)/gi, "$1");
  text = text.replace(/\n<\/p>$/g, "</p>");

  text = text.replace(/<pre wp-pre-tag-(\d+)><\/pre>/g, (_, i: string) => pres[Number(i)] ?? "");
  return text.replace(new RegExp(` ?${NL} ?`, "g"), "\n");
}
