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

/** The whole text with its matching words marked (a headline). */
export function highlight(text: string, matches: TermTest): Segment[] {
  return cut(text, 0, text.length, matches);
}

/**
 * A passage of the text around its densest run of matching words (the start when none match),
 * matching words marked, with "…" where it was cut.
 */
export function snippet(text: string, matches: TermTest, words = SNIPPET_WORDS): Segment[] {
  const spans = wordSpans(text);
  if (spans.length === 0) return [];
  const hit = spans.map((s) => s.terms.some(matches));
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
  const out = cut(text, from, to, matches);
  if (from > 0) out.unshift({ text: "… ", hit: false });
  if (to < text.length) out.push({ text: " …", hit: false });
  return out;
}

function cut(text: string, from: number, to: number, matches: TermTest): Segment[] {
  const out: Segment[] = [];
  let at = from;
  const push = (s: string, hit: boolean) => {
    if (s === "") return;
    const prev = out[out.length - 1];
    if (prev && prev.hit === hit) prev.text += s;
    else out.push({ text: s, hit });
  };
  for (const span of wordSpans(text.slice(from, to))) {
    if (!span.terms.some(matches)) continue;
    push(text.slice(at, from + span.start), false);
    push(text.slice(from + span.start, from + span.end), true);
    at = from + span.end;
  }
  push(text.slice(at, to), false);
  return out;
}
