import { wordSpans } from "../../lib/french-text.js";

/**
 * Text cut into pieces, the ones that matched marked. Views render each piece as text (Preact
 * escapes it) and a marked one inside <mark>: no HTML is ever built from an article's text here.
 */
export interface Segment {
  text: string;
  hit: boolean;
}

export type TermTest = (term: string) => boolean;

/** Words of context a snippet shows. */
const SNIPPET_WORDS = 32;
/** Characters of an article's text a snippet is drawn from. */
const SNIPPET_SOURCE = 1500;

/** The whole text with its matching words marked (a headline). */
export function highlight(text: string, matches: TermTest): Segment[] {
  return cut(text, 0, text.length, matches);
}

/**
 * A passage of the text around its densest run of matching words (the start when none match),
 * matching words marked, with "…" where it was cut.
 */
export function snippet(whole: string, matches: TermTest, words = SNIPPET_WORDS): Segment[] {
  // The passage is looked for in the beginning of the text: where news says what it is about,
  // and a bound on the work (every word read is folded and stemmed).
  const text = whole.length > SNIPPET_SOURCE ? whole.slice(0, SNIPPET_SOURCE) : whole;
  const spans = wordSpans(text);
  if (spans.length === 0) return [];
  const hit = spans.map((s) => s.terms.some(matches));
  // (The spans are those of `text`, positions included: `cut` reuses them.)
  let best = 0;
  let bestCount = -1;
  let count = 0;
  for (let i = 0; i < spans.length; i++) {
    if (hit[i]) count++;
    if (i >= words && hit[i - words]) count--;
    const first = Math.max(0, i - words + 1);
    if (count > bestCount) {
      bestCount = count;
      // A few words before the first hit of the run, so it does not open the passage.
      const firstHit = hit.indexOf(true, first);
      best = Math.max(0, (firstHit === -1 ? first : firstHit) - 4);
    }
  }
  const last = Math.min(spans.length, best + words) - 1;
  const from = best === 0 ? 0 : spans[best]!.start;
  const to = last === spans.length - 1 ? text.length : spans[last]!.end;
  const out = cut(text, from, to, matches, spans.slice(best, last + 1));
  if (from > 0) out.unshift({ text: "… ", hit: false });
  if (to < whole.length) out.push({ text: " …", hit: false });
  return out;
}

function cut(
  text: string,
  from: number,
  to: number,
  matches: TermTest,
  spans = wordSpans(text.slice(from, to)).map((s) => ({
    ...s,
    start: s.start + from,
    end: s.end + from,
  })),
): Segment[] {
  const out: Segment[] = [];
  let at = from;
  const push = (s: string, hit: boolean) => {
    if (s === "") return;
    const prev = out[out.length - 1];
    if (prev && prev.hit === hit) prev.text += s;
    else out.push({ text: s, hit });
  };
  for (const span of spans) {
    if (!span.terms.some(matches)) continue;
    push(text.slice(at, span.start), false);
    push(text.slice(span.start, span.end), true);
    at = span.end;
  }
  push(text.slice(at, to), false);
  return out;
}
