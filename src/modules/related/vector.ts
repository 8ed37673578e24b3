import type { DocumentTerms } from "../search/index.js";

/**
 * An article as "related" compares it: its strongest terms, weighted by TF-IDF, scaled to unit
 * length so that a dot product of two is their cosine similarity.
 *
 * - A headline (and tag) term counts TITLE_WEIGHT times a body term: a headline says what the
 *   article is about.
 * - Term frequency is dampened (1 + ln tf): a word said ten times is not ten times the subject.
 * - IDF = ln(1 + N / df): a word most articles hold says little.
 * - Only the TERMS_KEPT strongest terms are kept: they carry nearly all of the similarity, and
 *   they bound the postings an article writes and reads.
 */
export const TITLE_WEIGHT = 3;
export const TERMS_KEPT = 24;

export interface Weighted {
  term: string;
  weight: number;
}

export function weigh(
  doc: DocumentTerms,
  df: (term: string) => number,
  documents: number,
  kept = TERMS_KEPT,
): Weighted[] {
  const tf = new Map<string, number>();
  for (const t of doc.title) tf.set(t, (tf.get(t) ?? 0) + TITLE_WEIGHT);
  for (const t of doc.body) tf.set(t, (tf.get(t) ?? 0) + 1);
  const n = Math.max(documents, 1);
  const all: Weighted[] = [];
  for (const [term, f] of tf) {
    const idf = Math.log(1 + n / Math.max(df(term), 1));
    all.push({ term, weight: (1 + Math.log(f)) * idf });
  }
  all.sort((x, y) => y.weight - x.weight || (x.term < y.term ? -1 : 1));
  const top = all.slice(0, kept);
  const norm = Math.sqrt(top.reduce((s, w) => s + w.weight * w.weight, 0)) || 1;
  return top.map((w) => ({ term: w.term, weight: w.weight / norm }));
}
