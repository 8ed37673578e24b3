import type { Match } from "./query.js";

/**
 * Relevance, the same on both engines, decided here from a document's headline terms rather than
 * asked of the engine: 3 when the headline (or tags) holds every part of the match, 1 when it
 * holds some, 0 otherwise. Ties, most results, go to the newest. The engines' own scores (bm25,
 * ts_rank) differ, and the same question must find the same first articles (decision 019).
 * Asking the engine (a column filter, a tsquery of weight A) read the query's postings again for
 * each tier; the candidates' headlines are a few hundred short strings.
 */
export function headlineTier(m: Match, title: readonly string[]): number {
  const has = new Set(title);
  const parts = [
    ...m.groups.map((g) => g.some((t) => has.has(t))),
    ...m.phrases.map((p) => holdsPhrase(title, p)),
    ...(m.prefix !== undefined ? [title.some((t) => t.startsWith(m.prefix!))] : []),
  ];
  const found = parts.filter(Boolean).length;
  if (found === 0) return 0;
  return found === parts.length ? 3 : 1;
}

/** Whether `terms` holds `phrase`'s terms next to each other, in order. */
function holdsPhrase(terms: readonly string[], phrase: readonly string[]): boolean {
  for (let i = 0; i + phrase.length <= terms.length; i++)
    if (phrase.every((p, j) => terms[i + j] === p)) return true;
  return false;
}
