import type { RawBuilder } from "kysely";
import type { Match } from "../query.js";
import { fts5 } from "./fts5.js";
import { tsvector } from "./tsvector.js";

/**
 * The one place the engines differ for search: how matching documents are found. The rest of a
 * search (published only, filters, the newest first, ranking by headline in rank.ts, pages) is
 * the same for both.
 */
export interface FullTextQuery {
  /** FROM: the matching documents as `d` (search_documents), joined to `articles a`. */
  from(m: Match): RawBuilder<unknown>;
  /** The condition that keeps matching documents only. */
  where(m: Match): RawBuilder<unknown>;
  /** The document id column of `from`, which the engine's index can bound and order. */
  id: RawBuilder<number>;
}

export function fullTextFor(kind: "fts5" | "tsvector"): FullTextQuery {
  return kind === "fts5" ? fts5 : tsvector;
}
