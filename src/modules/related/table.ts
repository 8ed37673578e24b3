/** An article's strongest terms, weighted (TF-IDF, unit length): the postings of "related". */
export interface RelatedTermsTable {
  article_id: number;
  term: string;
  weight: number;
}

/** An article's related articles as computed when something changed (scores: higher is closer). */
export interface RelatedListsTable {
  article_id: number;
  related_id: number;
  score: number;
}

/** Articles an editor put first in an article's list, in order. */
export interface RelatedPinsTable {
  article_id: number;
  pinned_id: number;
  position: number;
}

export interface RelatedTables {
  related_terms: RelatedTermsTable;
  related_lists: RelatedListsTable;
  related_pins: RelatedPinsTable;
}
