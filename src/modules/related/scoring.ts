/**
 * From content similarity to a related list: the cosine of two articles' term vectors, raised a
 * little for a shared section and shared tags, lowered with the time between them. Tuned on the
 * evaluation set (bench/related/): section and tags only break near ties, since confusers share
 * both with articles of other subjects.
 */
export const SECTION_BOOST = 0.1;
export const TAG_BOOST = 0.05;
/** Tags counted at most, so that tagging heavily does not buy a place. */
const TAGS_COUNTED = 2;
/** Days over which the weight of a candidate halves (from the article's own date). */
export const AGE_HALF_LIFE_DAYS = 365;
const DAY_MS = 86_400_000;

/** Lists keep this many (more than the page shows: an unpublished one leaves a spare in place). */
export const STORED = 8;
/** Candidates fully scored per article, the best by cosine. */
export const CANDIDATES = 40;
/** Below this cosine a candidate shares next to nothing: no list is better than a wrong one. */
export const MIN_COSINE = 0.02;

export interface Meta {
  id: number;
  categoryId: number;
  /** ms since the epoch. */
  publishedAt: number;
  tagIds: readonly number[];
}

export function score(a: Meta, b: Meta, cosine: number): number {
  const shared = a.tagIds.filter((t) => b.tagIds.includes(t)).length;
  const days = Math.abs(a.publishedAt - b.publishedAt) / DAY_MS;
  return (
    cosine *
    (1 + (a.categoryId === b.categoryId ? SECTION_BOOST : 0)) *
    (1 + TAG_BOOST * Math.min(shared, TAGS_COUNTED)) *
    (1 / (1 + days / AGE_HALF_LIFE_DAYS))
  );
}

/**
 * The k largest values offered, without sorting them all: most of the thousands of candidates an
 * article's postings give fall below the k-th best seen so far and cost one comparison.
 */
export class TopK {
  private readonly keys: number[] = [];
  private readonly values: number[] = [];
  constructor(private readonly k: number) {}

  offer(key: number, value: number): void {
    const n = this.values.length;
    if (n === this.k && value <= this.values[n - 1]!) return;
    let i = n === this.k ? n - 1 : n;
    while (i > 0 && this.values[i - 1]! < value) {
      this.values[i] = this.values[i - 1]!;
      this.keys[i] = this.keys[i - 1]!;
      i--;
    }
    this.values[i] = value;
    this.keys[i] = key;
  }

  /** Best first. */
  entries(): [number, number][] {
    return this.keys.map((k, i) => [k, this.values[i]!]);
  }
}

/** The best candidates by cosine: the ones worth reading the section, tags and date of. */
export function shortlist(dots: Map<number, number>, self: number): [number, number][] {
  const top = new TopK(CANDIDATES);
  for (const [id, dot] of dots) if (id !== self && dot >= MIN_COSINE) top.offer(id, dot);
  return top.entries();
}

/** A list from scored candidates: best first, at most STORED. */
export function best(scored: { id: number; score: number }[]): { id: number; score: number }[] {
  return scored.sort((x, y) => y.score - x.score || y.id - x.id).slice(0, STORED);
}
