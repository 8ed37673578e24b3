/**
 * Scanning a post's text in time linear in its size. A regular expression that looks, from each
 * of many starts, for an end that is far or absent (`<img` … `>`, `[name` … `[/name]`, `<!--` …
 * `-->`) reads the rest of the post once per start: 5,000 unclosed embed blocks (150 KB) held an
 * import for minutes. These find each end once, whatever the number of starts.
 */

/**
 * The first index of `needle` at or after `from`, or -1. Asked with `from` never decreasing (a
 * scan from left to right), the text is read once in all: an answer stays right until `from`
 * passes it, and "none" stays right for ever.
 */
export function finder(text: string, needle: string | RegExp): (from: number) => number {
  const re =
    typeof needle === "string"
      ? undefined
      : new RegExp(needle.source, needle.flags.replace(/[gy]/g, "") + "g");
  let asked = Infinity;
  let found = -1;
  return (from) => {
    if (from >= asked && (found === -1 || from <= found)) return found;
    asked = from;
    if (re) {
      re.lastIndex = from;
      found = re.exec(text)?.index ?? -1;
    } else found = text.indexOf(needle as string, from);
    return found;
  };
}

/** An HTML comment of the text: where it starts and ends, and what it says between its marks. */
export interface HtmlComment {
  start: number;
  end: number;
  inner: string;
}

/** The text's HTML comments, in order: each ends at the first `-->` after its `<!--`. */
export function htmlComments(text: string): HtmlComment[] {
  const out: HtmlComment[] = [];
  const close = finder(text, "-->");
  for (let at = text.indexOf("<!--"); at !== -1;) {
    const end = close(at + 4);
    // Unclosed: the rest is no comment (and no later `<!--` can close either).
    if (end === -1) break;
    out.push({ start: at, end: end + 3, inner: text.slice(at + 4, end) });
    at = text.indexOf("<!--", end + 3);
  }
  return out;
}

/** The first of `sorted` that is at least `min`, or undefined. */
export function firstAtLeast(
  sorted: readonly number[] | undefined,
  min: number,
): number | undefined {
  if (!sorted) return undefined;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) < min) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo];
}
