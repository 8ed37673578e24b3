import { best, CANDIDATES, MIN_COSINE, score, TopK, type Meta } from "./scoring.js";
import type { Weighted } from "./vector.js";

/**
 * Postings read per term of an article, the strongest first: its candidates come from these, so
 * finding them costs the same at 1,000 articles as at 100,000 (never a pass over all of them).
 */
export const POSTINGS_PER_TERM = 100;

/**
 * Every article's vector in memory, for a rebuild (and the bench's evaluation): the same
 * candidates and scores as the database's postings give one article at a time (service.ts),
 * computed for all at once in seconds instead of a query per article.
 */
export class MemoryIndex {
  private readonly termIds = new Map<string, number>();
  private readonly docs: { meta: Meta; terms: Int32Array; weights: Float32Array }[] = [];
  private readonly byId = new Map<number, number>();
  private postings: { doc: Int32Array; weight: Float32Array }[] = [];

  add(meta: Meta, vector: readonly Weighted[]): void {
    const terms = new Int32Array(vector.length);
    const weights = new Float32Array(vector.length);
    vector.forEach((w, i) => {
      let t = this.termIds.get(w.term);
      if (t === undefined) {
        t = this.termIds.size;
        this.termIds.set(w.term, t);
      }
      terms[i] = t;
      weights[i] = w.weight;
    });
    this.byId.set(meta.id, this.docs.length);
    this.docs.push({ meta, terms, weights });
  }

  get size(): number {
    return this.docs.length;
  }

  /** Each term's strongest postings, once every article is added. */
  seal(perTerm = POSTINGS_PER_TERM): void {
    const lists: { doc: number; weight: number }[][] = Array.from(
      { length: this.termIds.size },
      () => [],
    );
    this.docs.forEach((d, doc) => {
      for (let i = 0; i < d.terms.length; i++)
        lists[d.terms[i]!]!.push({ doc, weight: d.weights[i]! });
    });
    this.postings = lists.map((l) => {
      l.sort((x, y) => y.weight - x.weight || x.doc - y.doc);
      const top = l.slice(0, perTerm);
      return {
        doc: Int32Array.from(top, (p) => p.doc),
        weight: Float32Array.from(top, (p) => p.weight),
      };
    });
  }

  /** Dot products being summed, by document position; zero between calls. */
  private acc = new Float64Array(0);

  /** One article's list: candidates from its terms' postings, scored. */
  listOf(id: number): { id: number; score: number }[] {
    const at = this.byId.get(id);
    if (at === undefined) return [];
    if (this.acc.length !== this.docs.length) this.acc = new Float64Array(this.docs.length);
    const acc = this.acc;
    const self = this.docs[at]!;
    const touched: number[] = [];
    for (let i = 0; i < self.terms.length; i++) {
      const p = this.postings[self.terms[i]!];
      if (!p) continue;
      const w = self.weights[i]!;
      for (let j = 0; j < p.doc.length; j++) {
        const d = p.doc[j]!;
        if (acc[d] === 0) touched.push(d);
        acc[d] = acc[d]! + w * p.weight[j]!;
      }
    }
    const top = new TopK(CANDIDATES);
    for (const d of touched) {
      if (d !== at && acc[d]! >= MIN_COSINE) top.offer(d, acc[d]!);
      acc[d] = 0;
    }
    return best(
      top.entries().map(([d, dot]) => {
        const other = this.docs[d]!.meta;
        return { id: other.id, score: score(self.meta, other, dot) };
      }),
    );
  }

  ids(): number[] {
    return this.docs.map((d) => d.meta.id);
  }
}
