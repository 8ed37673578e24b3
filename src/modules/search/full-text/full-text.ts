import type { RawBuilder } from "kysely";
import type { Match } from "../query.js";
import { fts5 } from "./fts5.js";
import { tsvector } from "./tsvector.js";

/**
 * The one place the engines differ for search: how matching documents are found and ranked. The
 * rest of a search (published only, filters, order, pages) is the same SQL for both.
 */
export interface FullTextQuery {
  /** FROM: the matching documents joined to `articles a`. */
  from(m: Match): RawBuilder<unknown>;
  /** The condition that keeps matching documents only. */
  where(m: Match): RawBuilder<unknown>;
  /**
   * Relevance, the same on both engines: 3 when the headline (or tags) holds every part of the
   * match, 1 when it holds some, 0 otherwise. Ties, most results, go to the newest: engines' own
   * scores (bm25, ts_rank) differ, and the same question must find the same first articles.
   * `minId` bounds the documents looked at, as it bounds the match (`SearchFilter.minId`).
   */
  rank(m: Match, minId: number | undefined): RawBuilder<number>;
  /** The document id column of `from`, which the engine's index can bound (an id range). */
  id: RawBuilder<number>;
  /** The ids of the matching documents, as `id`, with no join (the engine's index alone). */
  ids(m: Match): RawBuilder<unknown>;
}

export function fullTextFor(kind: "fts5" | "tsvector"): FullTextQuery {
  return kind === "fts5" ? fts5 : tsvector;
}
