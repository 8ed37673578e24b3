/**
 * The text of article HTML as a reader reads it: tags dropped (a block's end is a space, so words
 * of two paragraphs never run together), entities decoded. Meant for HTML the allowlist already
 * cleaned (lib/sanitize.ts): it is read for its words, never put back into a page as HTML.
 */
export function htmlText(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => decode(name) ?? whole)
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The first words of article HTML, as a page's description when nothing else describes it: at
 * most `max` characters, cut between words, "…" when cut.
 */
export function openingWords(html: string, max = 160): string {
  const text = htmlText(html);
  if ([...text].length <= max) return text;
  const cut = [...text].slice(0, max - 1).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const NAMED: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};

function decode(name: string): string | undefined {
  if (name[0] !== "#") return NAMED[name.toLowerCase()];
  const code =
    name[1] === "x" || name[1] === "X"
      ? Number.parseInt(name.slice(2), 16)
      : Number.parseInt(name.slice(1), 10);
  // Not a character (a surrogate half, past Unicode): left as written.
  if (!Number.isFinite(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
    return undefined;
  return String.fromCodePoint(code);
}
